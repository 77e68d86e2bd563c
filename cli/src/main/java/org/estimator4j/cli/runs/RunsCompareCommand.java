package org.estimator4j.cli.runs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.estimator4j.cli.Console;
import org.estimator4j.cli.E4j;
import org.estimator4j.cli.text.Table;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.MetricPoint;
import org.estimator4j.store.Run;
import org.estimator4j.store.query.RunQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code e4j runs compare ID ID...}: params and final metrics side by side, one column per run. Rows whose values
 * differ are marked {@code *} (and bold, on a terminal), so the one param that changed stands out.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Params and final metrics of runs side by side; rows that differ are marked *.")
final class RunsCompareCommand extends StoreCommand {
    /** When to make differing rows bold. */
    enum Color {
        auto,
        always,
        never
    }

    @Parameters(arity = "2..*", paramLabel = "ID", description = "Run ids (or unique prefixes), two or more.")
    List<String> ids;

    @Option(
            names = "--color",
            defaultValue = "auto",
            description = "Bold differing rows: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: when stdout is"
                    + " a terminal and NO_COLOR is unset).")
    Color color;

    @Option(names = "--only-differences", description = "Leave out rows where every run agrees.")
    boolean onlyDifferences;

    @Inject
    Console io;

    /** One compared row: {@code params.lr} and each run's value (null when the run has none). */
    record Row(String key, List<String> values) {
        boolean differs() {
            return new HashSet<>(values).size() > 1;
        }
    }

    @Override
    int run(ExperimentStore store, RunQueries queries, PrintWriter out) throws Exception {
        List<Run> runs = new ArrayList<>();
        for (String id : ids) {
            runs.add(store.getRun(queries.resolveRunId(id)));
        }
        List<Row> rows = new ArrayList<>();
        rows.add(row("experiment", runs, r -> r.info().experimentName()));
        rows.add(row("name", runs, r -> r.info().name()));
        rows.add(row("status", runs, r -> r.info().effectiveStatus().name()));
        Set<String> params = new TreeSet<>();
        Set<String> metrics = new TreeSet<>();
        runs.forEach(r -> {
            params.addAll(r.params().keySet());
            metrics.addAll(r.latestMetrics().keySet());
        });
        for (String key : params) {
            rows.add(row("params." + key, runs, r -> r.params().get(key)));
        }
        for (String key : metrics) {
            rows.add(row("metrics." + key, runs, r -> {
                MetricPoint p = r.latestMetrics().get(key);
                return p == null
                        ? null
                        : format == OutputFormat.table ? Display.number(p.value()) : Double.toString(p.value());
            }));
        }
        if (onlyDifferences) {
            rows.removeIf(r -> !r.differs());
        }
        switch (format) {
            case json -> printJson(out, json(runs, rows));
            case csv -> {
                List<String> headers = new ArrayList<>(List.of("key", "differs"));
                runs.forEach(r -> headers.add(r.runId()));
                Table t = new Table(headers);
                for (Row row : rows) {
                    List<String> cells = new ArrayList<>(List.of(row.key(), Boolean.toString(row.differs())));
                    cells.addAll(row.values());
                    t.add(cells);
                }
                t.printCsv(out);
            }
            case table -> {
                List<String> headers = new ArrayList<>(List.of("", "KEY"));
                List<String> shortIds = shortIds(runs.stream().map(Run::runId).toList());
                shortIds.forEach(headers::add);
                Table t = new Table(headers);
                for (Row row : rows) {
                    List<String> cells = new ArrayList<>(List.of(row.differs() ? "*" : "", row.key()));
                    row.values().forEach(v -> cells.add(v == null ? "-" : v));
                    t.add(cells);
                }
                t.printTable(out, i -> rows.get(i).differs(), bold());
            }
        }
        return E4j.EXIT_OK;
    }

    private static Row row(String key, List<Run> runs, Function<Run, String> value) {
        List<String> values = new ArrayList<>();
        runs.forEach(r -> values.add(value.apply(r)));
        return new Row(key, java.util.Collections.unmodifiableList(values));
    }

    private boolean bold() {
        return switch (color) {
            case always -> true;
            case never -> false;
            case auto -> io.terminal() && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        };
    }

    /** The shortest prefixes, at least 8 characters, that still tell the runs apart. */
    static List<String> shortIds(List<String> ids) {
        for (int n = 8; ; n++) {
            int length = n;
            List<String> prefixes = ids.stream()
                    .map(id -> id.substring(0, Math.min(length, id.length())))
                    .toList();
            if (new HashSet<>(prefixes).size() == new HashSet<>(ids).size()
                    || ids.stream().allMatch(id -> id.length() <= length)) {
                return prefixes;
            }
        }
    }

    private static ObjectNode json(List<Run> runs, List<Row> rows) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode ids = root.putArray("runs");
        runs.forEach(r -> ids.add(r.runId()));
        ArrayNode out = root.putArray("rows");
        for (Row row : rows) {
            ObjectNode n = out.addObject();
            n.put("key", row.key());
            n.put("differs", row.differs());
            ArrayNode values = n.putArray("values");
            row.values().forEach(values::add);
        }
        return root;
    }
}
