package org.estimator4j.cli.runs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;
import org.estimator4j.cli.E4j;
import org.estimator4j.cli.text.Table;
import org.estimator4j.store.Artifact;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.MetricPoint;
import org.estimator4j.store.Run;
import org.estimator4j.store.RunInfo;
import org.estimator4j.store.query.RunQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code e4j runs show ID}: everything recorded about one run. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show one run: status, times, params, latest metrics, tags, artifacts, provenance, failure.")
final class RunsShowCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The run id, or a unique prefix of it.")
    String id;

    @Override
    int run(ExperimentStore store, RunQueries queries, PrintWriter out) throws Exception {
        Run run = store.getRun(queries.resolveRunId(id));
        switch (format) {
            case json -> printJson(out, json(run));
            case csv -> csv(run).printCsv(out);
            case table -> table(run, out);
        }
        return E4j.EXIT_OK;
    }

    private static void table(Run run, PrintWriter out) {
        RunInfo info = run.info();
        Table head = new Table("", "");
        head.add("run", info.runId());
        head.add("name", info.name());
        head.add("experiment", info.experimentName());
        head.add("status", info.effectiveStatus().name() + (info.deleted() ? " (deleted)" : ""));
        head.add("started", Display.time(info.startMs()) + " UTC");
        head.add("ended", info.endMs() == null ? "" : Display.time(info.endMs()) + " UTC");
        head.add("duration", Display.duration(info));
        if (info.parentRunId() != null) {
            head.add("parent", info.parentRunId());
        }
        printRows(out, head);
        section(out, "params", run.params());
        if (!run.latestMetrics().isEmpty()) {
            out.println();
            out.println("metrics (latest)");
            Table metrics = new Table("", "", "");
            run.latestMetrics().forEach((k, p) -> metrics.add("  " + k, Display.number(p.value()), "step " + p.step()));
            printRows(out, metrics);
        }
        section(out, "tags", run.tags());
        if (!run.artifacts().isEmpty()) {
            out.println();
            out.println("artifacts");
            Table artifacts = new Table("", "", "");
            for (Artifact a : run.artifacts()) {
                artifacts.add("  " + a.kind(), bytes(a.sizeBytes()), a.path());
            }
            printRows(out, artifacts);
        }
        section(out, "provenance", run.provenance());
        if (info.failure() != null) {
            out.println();
            out.println("failure");
            info.failure().lines().forEach(line -> out.println("  " + line));
        }
    }

    private static void section(PrintWriter out, String title, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        out.println();
        out.println(title);
        Table table = new Table("", "");
        values.forEach((k, v) -> table.add("  " + k, v));
        printRows(out, table);
    }

    /** A table without its (empty) header line. */
    private static void printRows(PrintWriter out, Table table) {
        java.io.StringWriter buffer = new java.io.StringWriter();
        table.printTable(new PrintWriter(buffer));
        buffer.toString().lines().skip(1).forEach(out::println);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static Table csv(Run run) {
        RunInfo info = run.info();
        Table t = new Table("section", "key", "value");
        t.add("run", "run_id", info.runId());
        t.add("run", "name", info.name());
        t.add("run", "experiment", info.experimentName());
        t.add("run", "status", info.effectiveStatus().name());
        t.add("run", "start_time", Long.toString(info.startMs()));
        t.add("run", "end_time", info.endMs() == null ? "" : Long.toString(info.endMs()));
        t.add("run", "parent_run_id", info.parentRunId());
        t.add("run", "deleted", Boolean.toString(info.deleted()));
        t.add("run", "failure", info.failure());
        run.params().forEach((k, v) -> t.add("params", k, v));
        run.latestMetrics().forEach((k, p) -> t.add("metrics", k, Double.toString(p.value())));
        run.tags().forEach((k, v) -> t.add("tags", k, v));
        run.artifacts().forEach(a -> t.add("artifacts", a.path(), a.kind() + " " + a.sizeBytes()));
        run.provenance().forEach((k, v) -> t.add("provenance", k, v));
        return t;
    }

    static ObjectNode json(Run run) {
        ObjectNode node = Display.json(run.info());
        node.put("heartbeat_time", run.info().heartbeatMs());
        node.put("failure", run.info().failure());
        node.set("params", Display.json(run.params()));
        ObjectNode metrics = node.putObject("metrics");
        for (Map.Entry<String, MetricPoint> m : run.latestMetrics().entrySet()) {
            ObjectNode point = metrics.putObject(m.getKey());
            point.put("value", m.getValue().value());
            point.put("step", m.getValue().step());
            point.put("time", m.getValue().timeMs());
        }
        node.set("tags", Display.json(run.tags()));
        ArrayNode artifacts = node.putArray("artifacts");
        for (Artifact a : run.artifacts()) {
            ObjectNode n = artifacts.addObject();
            n.put("path", a.path());
            n.put("kind", a.kind());
            n.put("size_bytes", a.sizeBytes());
            n.put("sha256", a.sha256());
            n.put("time", a.loggedMs());
        }
        node.set("provenance", Display.json(run.provenance()));
        return node;
    }
}
