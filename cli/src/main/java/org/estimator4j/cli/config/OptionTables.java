package org.estimator4j.cli.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The README's tables of estimator and optimizer options, written from their declarations ({@link EstimatorOptions},
 * {@link OptimizerOptions}); a test keeps the README's copy equal to them.
 */
public final class OptionTables {
    private OptionTables() {}

    /** One row per option declaration, with the estimator types that take it (the same key may differ by type). */
    public static String estimatorOptions() {
        Map<OptionSpec, List<String>> types = new LinkedHashMap<>();
        EstimatorOptions.BY_TYPE.forEach((type, options) -> options.forEach(
                o -> types.computeIfAbsent(o, k -> new ArrayList<>()).add(type)));
        StringBuilder out = new StringBuilder(
                "| `estimator` key | type | default | estimators | what it is |\n" + "|---|---|---|---|---|\n");
        types.forEach((o, takers) -> out.append("| `")
                .append(o.name())
                .append("` | ")
                .append(type(o))
                .append(" | ")
                .append(defaultOf(o))
                .append(" | ")
                .append(
                        takers.size() == EstimatorOptions.TYPES.size()
                                ? "all"
                                : takers.stream().map(t -> "`" + t + "`").collect(Collectors.joining(", ")))
                .append(" | ")
                .append(o.doc())
                .append(" |\n"));
        return out.toString();
    }

    /** One row per option of each optimizer type. */
    public static String optimizerOptions() {
        StringBuilder out = new StringBuilder(
                "| optimizer `type` | key | type | default | what it is |\n" + "|---|---|---|---|---|\n");
        OptimizerOptions.BY_TYPE.forEach((type, options) -> options.stream()
                .filter(o -> !o.name().equals("type"))
                .forEach(o -> out.append("| `")
                        .append(type)
                        .append("` | `")
                        .append(o.name())
                        .append("` | ")
                        .append(type(o))
                        .append(" | ")
                        .append(defaultOf(o))
                        .append(" | ")
                        .append(o.doc())
                        .append(" |\n")));
        return out.toString();
    }

    private static String type(OptionSpec o) {
        return o.allowed().isEmpty()
                ? o.type().readable
                : o.allowed().stream().map(a -> "`" + a + "`").collect(Collectors.joining(", "));
    }

    private static String defaultOf(OptionSpec o) {
        return o.required() ? "required" : o.defaultValue() == null ? "" : "`" + o.defaultValue() + "`";
    }
}
