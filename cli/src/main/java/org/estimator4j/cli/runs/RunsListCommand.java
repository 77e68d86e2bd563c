package org.estimator4j.cli.runs;

import java.io.PrintWriter;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.query.RunQueries;
import picocli.CommandLine.Command;

/** {@code e4j runs list}: the newest runs, page by page. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List runs, newest first (deleted runs only with --all or --deleted).")
final class RunsListCommand extends SearchCommandBase {
    @Override
    int run(ExperimentStore store, RunQueries queries, PrintWriter out) throws Exception {
        return search(queries, out, "", "");
    }
}
