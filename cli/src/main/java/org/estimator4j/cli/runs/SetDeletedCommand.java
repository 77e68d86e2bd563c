package org.estimator4j.cli.runs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import org.estimator4j.cli.E4j;
import org.estimator4j.cli.text.Table;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.RunInfo;
import org.estimator4j.store.query.RunQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code runs delete} and {@code runs restore}: flag a run as deleted (hidden, kept) or clear the flag. */
abstract class SetDeletedCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The run id, or a unique prefix of it.")
    String id;

    abstract boolean delete();

    @Override
    int run(ExperimentStore store, RunQueries queries, PrintWriter out) throws Exception {
        String runId = queries.resolveRunId(id);
        RunInfo before = store.findRunInfo(runId).orElseThrow();
        boolean changed = before.deleted() != delete();
        if (changed) {
            if (delete()) {
                store.deleteRun(runId);
            } else {
                store.restoreRun(runId);
            }
        }
        switch (format) {
            case json ->
                printJson(
                        out,
                        JsonNodeFactory.instance
                                .objectNode()
                                .put("run_id", runId)
                                .put("deleted", delete())
                                .put("changed", changed));
            case csv ->
                new Table("run_id", "deleted", "changed")
                        .add(runId, Boolean.toString(delete()), Boolean.toString(changed))
                        .printCsv(out);
            case table -> {
                String name = before.name() == null ? "" : " (" + before.name() + ")";
                if (!changed) {
                    out.println("run " + runId + name + " was already " + (delete() ? "deleted" : "not deleted"));
                } else if (delete()) {
                    out.println("deleted run " + runId + name + "; e4j runs restore " + runId + " brings it back");
                } else {
                    out.println("restored run " + runId + name);
                }
            }
        }
        return E4j.EXIT_OK;
    }

    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = "Delete a run: hidden from lists and searches, kept in the store, restorable.")
    static final class Delete extends SetDeletedCommand {
        @Override
        boolean delete() {
            return true;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, description = "Restore a deleted run.")
    static final class Restore extends SetDeletedCommand {
        @Override
        boolean delete() {
            return false;
        }
    }
}
