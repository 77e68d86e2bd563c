package org.estimator4j.cli.runs;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.query.RunQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code e4j runs search FILTER}: runs matching a filter, in the order asked for. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = {
            "Find runs with a filter: MLflow's search syntax plus OR, NOT and parentheses.",
            "Example: e4j runs search \"metrics.auc > 0.85 AND (params.optimizer = 'adam' OR tags.team LIKE"
                    + " 'risk%%')\"",
            "Fields: metrics.KEY (numbers), params.KEY and tags.KEY (strings), attributes.NAME (run_id, run_name,"
                    + " status, start_time, end_time, experiment, experiment_id, parent_run_id); quote odd keys in"
                    + " backticks: metrics.`val/auc`.",
            "Operators: = != < <= > >= LIKE ILIKE IN NOT IN NOT LIKE NOT ILIKE; combine with AND, OR, NOT and"
                    + " parentheses. Strings in single quotes ('' for a quote inside)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure", "2:the filter, a sort key, the limit or the page token is wrong"})
final class RunsSearchCommand extends SearchCommandBase {
    @Parameters(index = "0", paramLabel = "FILTER", description = "Which runs; an empty string means all.")
    String filter;

    @Option(
            names = "--order-by",
            paramLabel = "KEY [ASC|DESC]",
            description = "Sort keys, e.g. \"metrics.auc DESC\" (repeatable, or comma-separated); runs without the"
                    + " key come last. Default: newest first.")
    List<String> orderBy = new ArrayList<>();

    @Override
    int run(ExperimentStore store, RunQueries queries, PrintWriter out) throws Exception {
        return search(queries, out, filter, String.join(", ", orderBy));
    }
}
