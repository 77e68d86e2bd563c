package org.estimator4j.cli.runs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.estimator4j.cli.E4j;
import org.estimator4j.cli.E4jException;
import org.estimator4j.cli.text.Table;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.MetricPoint;
import org.estimator4j.store.Run;
import org.estimator4j.store.query.RunQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code e4j runs metrics ID KEY}: every logged value of one metric, by step. */
@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        description = "The history of one metric of a run: step, value, time.")
final class RunsMetricsCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The run id, or a unique prefix of it.")
    String id;

    @Parameters(index = "1", paramLabel = "KEY", description = "The metric, e.g. loss or val/auc.")
    String key;

    @Override
    int run(ExperimentStore store, RunQueries queries, PrintWriter out) throws Exception {
        String runId = queries.resolveRunId(id);
        List<MetricPoint> points = history(store, runId, key);
        switch (format) {
            case json -> {
                ObjectNode root = JsonNodeFactory.instance.objectNode();
                root.put("run_id", runId);
                root.put("key", key);
                ArrayNode array = root.putArray("points");
                for (MetricPoint p : points) {
                    array.addObject()
                            .put("step", p.step())
                            .put("value", p.value())
                            .put("time", p.timeMs());
                }
                printJson(out, root);
            }
            case csv -> {
                Table t = new Table("step", "value", "time");
                points.forEach(
                        p -> t.add(Long.toString(p.step()), Double.toString(p.value()), Long.toString(p.timeMs())));
                t.printCsv(out);
            }
            case table -> {
                Table t = new Table("STEP", "VALUE", "LOGGED (UTC)");
                points.forEach(
                        p -> t.add(Long.toString(p.step()), Display.number(p.value()), Display.time(p.timeMs())));
                t.printTable(out);
            }
        }
        return E4j.EXIT_OK;
    }

    /** The history, or an error naming the metrics the run does have. */
    static List<MetricPoint> history(ExperimentStore store, String runId, String key) {
        List<MetricPoint> points = store.metricHistory(runId, key);
        if (points.isEmpty()) {
            Run run = store.getRun(runId);
            throw new E4jException(
                    "run " + runId + " has no metric '" + key + "'",
                    run.latestMetrics().isEmpty()
                            ? "it logged no metrics"
                            : "its metrics: "
                                    + String.join(", ", run.latestMetrics().keySet()));
        }
        return points;
    }
}
