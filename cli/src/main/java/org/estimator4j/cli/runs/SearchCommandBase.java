package org.estimator4j.cli.runs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.estimator4j.cli.E4j;
import org.estimator4j.cli.E4jException;
import org.estimator4j.cli.text.Table;
import org.estimator4j.store.query.Comparison;
import org.estimator4j.store.query.Field;
import org.estimator4j.store.query.Filter;
import org.estimator4j.store.query.Lifecycle;
import org.estimator4j.store.query.OrderKey;
import org.estimator4j.store.query.RunPage;
import org.estimator4j.store.query.RunQueries;
import org.estimator4j.store.query.RunQuery;
import org.estimator4j.store.query.RunSummary;
import picocli.CommandLine.Option;

/** {@code runs list} and {@code runs search}: the same search, with or without a filter and sort keys. */
abstract class SearchCommandBase extends StoreCommand {
    /** Columns beyond the fixed ones that a table shows for the fields a filter or sort key names. */
    private static final int MAX_FIELD_COLUMNS = 6;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Only runs of this experiment (repeatable).")
    List<String> experiments = new ArrayList<>();

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "50",
            description = "Runs per page, 1 to " + RunQuery.MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(
            names = "--page-token",
            paramLabel = "TOKEN",
            description = "The next page of the same search: the token the previous page printed.")
    String pageToken;

    @Option(names = "--all", description = "Include deleted runs.")
    boolean all;

    @Option(names = "--deleted", description = "Only deleted runs (to find one to restore).")
    boolean deletedOnly;

    /**
     * Runs the search and prints it. A filter, sort key, page token or limit that is wrong is a usage error: the
     * message (with the caret under a filter mistake) goes to stderr and the exit code is 2.
     */
    int search(RunQueries queries, PrintWriter out, String filter, String orderBy) throws Exception {
        RunQuery query;
        try {
            query = RunQuery.all()
                    .where(filter)
                    .orderBy(orderBy)
                    .limit(limit)
                    .pageToken(pageToken)
                    .inExperiments(experiments)
                    .lifecycle(deletedOnly ? Lifecycle.DELETED_ONLY : all ? Lifecycle.ALL : Lifecycle.ACTIVE_ONLY);
        } catch (IllegalArgumentException e) { // a FilterSyntaxException (with its caret), or a bad limit
            return usage(e.getMessage());
        }
        if (!experiments.isEmpty()) {
            Set<String> known = new TreeSet<>();
            queries.experiments().forEach(x -> known.add(x.name()));
            for (String name : experiments) {
                if (!known.contains(name)) {
                    throw new E4jException(
                            "there is no experiment named '" + name + "'",
                            "list them with e4j experiments list"
                                    + (known.isEmpty()
                                            ? ""
                                            : " ("
                                                    + String.join(
                                                            ", ",
                                                            known.stream()
                                                                    .limit(10)
                                                                    .toList()) + (known.size() > 10 ? ", ..." : "")
                                                    + ")"));
                }
            }
        }
        RunPage page;
        try {
            page = queries.search(query);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage()); // a page token of another search
        }
        switch (format) {
            case json -> printJson(out, json(page));
            case csv -> {
                csv(page.runs()).printCsv(out);
                page.nextPageToken()
                        .ifPresent(t -> spec.commandLine().getErr().println("more runs: --page-token " + t));
            }
            case table -> {
                if (page.runs().isEmpty()) {
                    out.println(pageToken == null ? "no runs match" : "no more runs");
                } else {
                    table(page.runs(), fields(query)).printTable(out);
                }
                page.nextPageToken().ifPresent(t -> out.println("more runs: add --page-token " + t));
            }
        }
        return E4j.EXIT_OK;
    }

    private int usage(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + message);
        err.flush();
        return E4j.EXIT_USAGE;
    }

    /** The metric, param and tag fields the filter and sort keys name, in order of appearance. */
    static List<Field> fields(RunQuery query) {
        Set<Field> fields = new LinkedHashSet<>();
        query.orderBy().stream().map(OrderKey::field).forEach(fields::add);
        collect(query.filter(), fields);
        return fields.stream()
                .filter(f -> f.kind() != Field.Kind.ATTRIBUTE)
                .limit(MAX_FIELD_COLUMNS)
                .toList();
    }

    private static void collect(Filter filter, Set<Field> into) {
        if (filter instanceof Filter.And and) {
            and.terms().forEach(t -> collect(t, into));
        } else if (filter instanceof Filter.Or or) {
            or.terms().forEach(t -> collect(t, into));
        } else if (filter instanceof Filter.Not not) {
            collect(not.term(), into);
        } else {
            into.add(((Comparison) filter).field());
        }
    }

    static Table table(List<RunSummary> runs, List<Field> fields) {
        List<String> headers =
                new ArrayList<>(List.of("RUN ID", "EXPERIMENT", "NAME", "STATUS", "STARTED (UTC)", "DURATION"));
        fields.forEach(f -> headers.add(f.toString()));
        Table table = new Table(headers);
        for (RunSummary run : runs) {
            List<String> row = new ArrayList<>(List.of(
                    run.runId(),
                    run.experiment(),
                    run.name() == null ? "" : run.name(),
                    run.status().name() + (run.info().deleted() ? " (deleted)" : ""),
                    Display.time(run.info().startMs()),
                    Display.duration(run.info())));
            for (Field f : fields) {
                row.add(value(run, f));
            }
            table.add(row);
        }
        return table;
    }

    static String value(RunSummary run, Field field) {
        return switch (field.kind()) {
            case METRIC ->
                run.metrics().containsKey(field.key())
                        ? Display.number(run.metrics().get(field.key()).value())
                        : "";
            case PARAM -> run.params().getOrDefault(field.key(), "");
            case TAG -> run.tags().getOrDefault(field.key(), "");
            case ATTRIBUTE -> "";
        };
    }

    /** Every run with every metric, param and tag of the page as a column: ready for a data frame. */
    static Table csv(List<RunSummary> runs) {
        Set<String> metrics = new TreeSet<>();
        Set<String> params = new TreeSet<>();
        Set<String> tags = new TreeSet<>();
        for (RunSummary run : runs) {
            metrics.addAll(run.metrics().keySet());
            params.addAll(run.params().keySet());
            tags.addAll(run.tags().keySet());
        }
        List<String> headers =
                new ArrayList<>(List.of("run_id", "experiment", "name", "status", "start_time", "end_time", "deleted"));
        metrics.forEach(k -> headers.add("metrics." + k));
        params.forEach(k -> headers.add("params." + k));
        tags.forEach(k -> headers.add("tags." + k));
        Table table = new Table(headers);
        for (RunSummary run : runs) {
            List<String> row = new ArrayList<>(List.of(
                    run.runId(),
                    run.experiment(),
                    run.name() == null ? "" : run.name(),
                    run.status().name(),
                    Long.toString(run.info().startMs()),
                    run.info().endMs() == null ? "" : Long.toString(run.info().endMs()),
                    Boolean.toString(run.info().deleted())));
            metrics.forEach(k -> row.add(
                    run.metrics().containsKey(k)
                            ? Double.toString(run.metrics().get(k).value())
                            : ""));
            params.forEach(k -> row.add(run.params().getOrDefault(k, "")));
            tags.forEach(k -> row.add(run.tags().getOrDefault(k, "")));
            table.add(row);
        }
        return table;
    }

    static ObjectNode json(RunPage page) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode runs = root.putArray("runs");
        for (RunSummary run : page.runs()) {
            ObjectNode node = Display.json(run.info());
            node.set("params", Display.json(run.params()));
            node.set("metrics", Display.jsonMetrics(run.metrics()));
            node.set("tags", Display.json(run.tags()));
            runs.add(node);
        }
        root.put("next_page_token", page.nextPageToken().orElse(null));
        return root;
    }
}
