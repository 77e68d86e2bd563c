package org.estimator4j.cli.runs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.util.List;
import org.estimator4j.cli.E4j;
import org.estimator4j.cli.text.Table;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.query.ExperimentSummary;
import org.estimator4j.store.query.RunQueries;
import picocli.CommandLine.Command;

/** {@code e4j experiments list}: every experiment with its run counts. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List experiments with their number of runs and their newest run.")
final class ExperimentsListCommand extends StoreCommand {
    @Override
    int run(ExperimentStore store, RunQueries queries, PrintWriter out) throws Exception {
        List<ExperimentSummary> experiments = queries.experiments();
        switch (format) {
            case json -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                for (ExperimentSummary e : experiments) {
                    array.addObject()
                            .put("experiment_id", e.experimentId())
                            .put("name", e.name())
                            .put("created_time", e.createdMs())
                            .put("runs", e.runs())
                            .put("deleted_runs", e.deletedRuns())
                            .put("last_start_time", e.lastStartMs());
                }
                printJson(out, array);
            }
            case csv -> {
                Table t = new Table("experiment_id", "name", "created_time", "runs", "deleted_runs", "last_start_time");
                experiments.forEach(e -> t.add(
                        Long.toString(e.experimentId()),
                        e.name(),
                        Long.toString(e.createdMs()),
                        Long.toString(e.runs()),
                        Long.toString(e.deletedRuns()),
                        e.lastStartMs() == null ? "" : Long.toString(e.lastStartMs())));
                t.printCsv(out);
            }
            case table -> {
                if (experiments.isEmpty()) {
                    out.println("no experiments yet: e4j train records its runs in one");
                    break;
                }
                Table t = new Table("NAME", "ID", "RUNS", "DELETED", "CREATED (UTC)", "LAST RUN (UTC)");
                experiments.forEach(e -> t.add(
                        e.name(),
                        Long.toString(e.experimentId()),
                        Long.toString(e.runs()),
                        Long.toString(e.deletedRuns()),
                        Display.time(e.createdMs()),
                        Display.time(e.lastStartMs())));
                t.printTable(out);
            }
        }
        return E4j.EXIT_OK;
    }
}
