package org.estimator4j.cli.config;

import static org.estimator4j.cli.config.OptionSpec.OptionType.BOOLEAN;
import static org.estimator4j.cli.config.OptionSpec.OptionType.NUMBER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.estimators.optimizer.Optimizer;
import org.estimator4j.estimators.optimizer.Optimizers;

/**
 * The options of each optimizer {@code type}, declared once: FTRL for linear parts and baselines, {@code adagrad},
 * {@code adam}, {@code sgd} and {@code rmsprop} for DNNs. The declarations refuse unknown options and fill in
 * defaults; the learning rate's default depends on the estimator. The DNN optimizers' defaults are also written in
 * {@link Optimizers}, which reads saved models without a config: {@code OptimizerOptionsTest} keeps the two equal.
 */
public final class OptimizerOptions {
    private static final OptionSpec LEARNING_RATE =
            OptionSpec.optional("learning_rate", NUMBER, null, "step size, > 0 (the default depends on the estimator)");
    private static final OptionSpec EPSILON =
            OptionSpec.optional("epsilon", NUMBER, 1e-7, "added to the denominator for stability, > 0");

    /** Every optimizer type, with its options (after {@code type}). */
    static final Map<String, List<OptionSpec>> BY_TYPE = byType();

    private OptimizerOptions() {}

    private static Map<String, List<OptionSpec>> byType() {
        Map<String, List<OptionSpec>> out = new LinkedHashMap<>();
        out.put(
                "ftrl",
                List.of(
                        type("ftrl"),
                        LEARNING_RATE,
                        OptionSpec.optional("learning_rate_power", NUMBER, -0.5, "how the rate decays, <= 0"),
                        OptionSpec.optional("initial_accumulator_value", NUMBER, 0.1, "starting accumulator, > 0"),
                        OptionSpec.optional("l1", NUMBER, 0.0, "L1 regularization strength, >= 0"),
                        OptionSpec.optional("l2", NUMBER, 0.0, "L2 regularization strength, >= 0"),
                        OptionSpec.optional(
                                "l2_shrinkage", NUMBER, 0.0, "L2 shrinkage regularization strength, >= 0")));
        out.put(
                "adagrad",
                List.of(
                        type("adagrad"),
                        LEARNING_RATE,
                        OptionSpec.optional("initial_accumulator_value", NUMBER, 0.1, "starting accumulator, >= 0"),
                        EPSILON));
        out.put(
                "adam",
                List.of(
                        type("adam"),
                        LEARNING_RATE,
                        OptionSpec.optional("beta_1", NUMBER, 0.9, "decay of the first moment, in [0, 1)"),
                        OptionSpec.optional("beta_2", NUMBER, 0.999, "decay of the second moment, in [0, 1)"),
                        EPSILON));
        out.put(
                "sgd",
                List.of(
                        type("sgd"),
                        LEARNING_RATE,
                        OptionSpec.optional("momentum", NUMBER, 0.0, "momentum, in [0, 1)"),
                        OptionSpec.optional("nesterov", BOOLEAN, false, "Nesterov momentum")));
        out.put(
                "rmsprop",
                List.of(
                        type("rmsprop"),
                        LEARNING_RATE,
                        OptionSpec.optional("rho", NUMBER, 0.9, "decay of the moving average, in [0, 1)"),
                        EPSILON));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static OptionSpec type(String name) {
        return OptionSpec.oneOf(
                "type",
                name.equals("ftrl") ? "ftrl" : "adagrad",
                name.equals("ftrl") ? List.of("ftrl") : Optimizers.TYPES,
                "the optimizer");
    }

    /** The DNN optimizers' declarations (every type but ftrl). */
    static Map<String, List<OptionSpec>> dense() {
        Map<String, List<OptionSpec>> out = new LinkedHashMap<>(BY_TYPE);
        out.remove("ftrl");
        return out;
    }

    /** The declared default of {@code option} of optimizer {@code type}. */
    static double defaultOf(String type, String option) {
        return BY_TYPE.get(type).stream()
                .filter(o -> o.name().equals(option))
                .findFirst()
                .map(o -> ((Number) o.defaultValue()).doubleValue())
                .orElseThrow();
    }

    /** An optimizer and its options as used, every default filled in (the effective config). */
    record Built<T>(T optimizer, JsonNode effective) {}

    /** A DNN optimizer ({@code adagrad} by default) from {@code node} (null: every default), at {@code path}. */
    static Built<Optimizer> dense(JsonNode node, double defaultRate, String path) {
        if (node != null && !node.isNull() && !node.isObject()) {
            throw new ConfigException(
                    path + ": expected an object like {\"type\": \"adam\", \"learning_rate\": " + "0.001}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> options =
                node == null || node.isNull() ? Map.of() : ConfigBinder.MAPPER.convertValue(node, Map.class);
        String type = String.valueOf(options.getOrDefault("type", "adagrad")).toLowerCase(Locale.ROOT);
        List<OptionSpec> declared = BY_TYPE.get(type);
        if (declared != null && !type.equals("ftrl")) {
            List<String> names = declared.stream().map(OptionSpec::name).toList();
            List<String> unknown = new ArrayList<>(options.keySet());
            unknown.removeAll(names);
            if (!unknown.isEmpty()) {
                throw new ConfigException(path + ": unknown option(s) " + new TreeSet<>(unknown) + " for optimizer "
                        + type + "; it takes " + new TreeSet<>(names));
            }
        }
        try {
            Optimizer built = Optimizers.fromConfig(options, defaultRate, path);
            return new Built<>(built, ConfigBinder.MAPPER.valueToTree(built.config()));
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(ex.getMessage(), ex);
        }
    }

    /** The FTRL optimizer of a linear part (or baseline) from {@code node} (null: every default), at {@code path}. */
    static Built<FtrlOptimizer> ftrl(JsonNode node, double defaultRate, String path) {
        JsonNode given = node == null || node.isNull() ? ConfigBinder.MAPPER.createObjectNode() : node;
        FtrlSection section = ConfigBinder.bind(given, FtrlSection.class, path);
        double rate = section.learningRate() != null ? section.learningRate() : defaultRate;
        try {
            FtrlOptimizer ftrl = new FtrlOptimizer(
                    rate,
                    section.learningRatePower(),
                    section.initialAccumulatorValue(),
                    section.l1(),
                    section.l2(),
                    section.l2Shrinkage());
            ObjectNode effective = ConfigBinder.MAPPER.valueToTree(section);
            effective.put("learning_rate", rate);
            return new Built<>(ftrl, effective);
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(path + ": " + ex.getMessage(), ex);
        }
    }

    /** {@code {"type": "ftrl", "learning_rate": 0.05, ...}}: FTRL's options, ranges checked, defaults filled. */
    record FtrlSection(
            String type,
            Double learningRate,
            Double learningRatePower,
            Double initialAccumulatorValue,
            Double l1,
            Double l2,
            Double l2Shrinkage) {
        FtrlSection {
            type = type == null ? "ftrl" : type;
            if (!type.equalsIgnoreCase("ftrl")) {
                throw ConfigBinder.Problem.at("type", "linear models train with ftrl, got '" + type + "'");
            }
            String nonNegative = "use 0 or a positive number";
            learningRate = ConfigBinder.number(
                    "learning_rate", learningRate, null, r -> r > 0, "use a positive learning rate, e.g. 0.05");
            learningRatePower = ConfigBinder.number(
                    "learning_rate_power",
                    learningRatePower,
                    defaultOf("ftrl", "learning_rate_power"),
                    p -> p <= 0,
                    "use 0 or a negative power, e.g. -0.5");
            initialAccumulatorValue = ConfigBinder.number(
                    "initial_accumulator_value",
                    initialAccumulatorValue,
                    defaultOf("ftrl", "initial_accumulator_value"),
                    a -> a > 0,
                    "use a positive value, e.g. 0.1");
            l1 = ConfigBinder.number("l1", l1, defaultOf("ftrl", "l1"), l -> l >= 0, nonNegative);
            l2 = ConfigBinder.number("l2", l2, defaultOf("ftrl", "l2"), l -> l >= 0, nonNegative);
            l2Shrinkage = ConfigBinder.number(
                    "l2_shrinkage", l2Shrinkage, defaultOf("ftrl", "l2_shrinkage"), l -> l >= 0, nonNegative);
        }
    }
}
