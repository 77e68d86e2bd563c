package org.estimator4j.cli.runs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.cli.E4j;
import org.estimator4j.cli.E4jException;
import org.estimator4j.cli.text.Table;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.MetricPoint;
import org.estimator4j.store.RunInfo;
import org.estimator4j.store.query.RunQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code e4j runs plot ID KEY...}: metric histories as a PNG line chart. */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        description = "Draw the history of metrics of a run as a PNG line chart (no display needed).")
final class RunsPlotCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The run id, or a unique prefix of it.")
    String id;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "KEY", description = "Metrics to draw, one line each.")
    List<String> keys;

    @Option(
            names = "--out",
            paramLabel = "FILE.png",
            description = "Where to write the chart (default: RUNID-KEY.png in the working directory).")
    Path file;

    @Override
    int run(ExperimentStore store, RunQueries queries, PrintWriter out) throws Exception {
        String runId = queries.resolveRunId(id);
        Map<String, List<MetricPoint>> series = new LinkedHashMap<>();
        for (String key : keys) {
            series.put(key, RunsMetricsCommand.history(store, runId, key));
        }
        Path target = file != null ? file : Path.of(defaultName(runId, keys));
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new E4jException(
                    "cannot write " + target + ": the folder " + parent + " does not exist",
                    "create it, or pass another --out");
        }
        RunInfo info = store.getRun(runId).info();
        String title = "run " + runId.substring(0, Math.min(8, runId.length()))
                + (info.name() == null ? "" : " (" + info.name() + ")") + ", " + info.experimentName();
        MetricChart.writePng(target, title, series);
        switch (format) {
            case json -> {
                ObjectNode root = JsonNodeFactory.instance.objectNode();
                root.put("file", target.toString());
                ObjectNode counts = root.putObject("points");
                series.forEach((k, v) -> counts.put(k, v.size()));
                printJson(out, root);
            }
            case csv -> {
                Table t = new Table("file", "key", "points");
                series.forEach((k, v) -> t.add(target.toString(), k, Integer.toString(v.size())));
                t.printCsv(out);
            }
            case table -> {
                StringBuilder b = new StringBuilder("wrote " + target + ":");
                series.forEach((k, v) ->
                        b.append(' ').append(k).append(" (").append(v.size()).append(" points)"));
                out.println(b);
            }
        }
        return E4j.EXIT_OK;
    }

    /** {@code 3f2a9c1d-loss-val_auc.png}: the keys with anything but letters, digits, '-' and '.' as '_'. */
    static String defaultName(String runId, List<String> keys) {
        StringBuilder b = new StringBuilder(runId.substring(0, Math.min(8, runId.length())));
        keys.forEach(k -> b.append('-').append(k.replaceAll("[^A-Za-z0-9.-]", "_")));
        String name = b.length() > 120 ? b.substring(0, 120) : b.toString();
        return name + ".png";
    }
}
