package org.estimator4j.store.query;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A search: which runs ({@link #filter()}, {@link #experiments()}, {@link #lifecycle()}), in what order, and which
 * page. Immutable; start from {@link #all()} and refine:
 *
 * <pre>
 * RunQuery.all().where("metrics.auc > 0.85 AND (params.optimizer = 'adam' OR params.optimizer = 'sgd')")
 *         .orderBy("metrics.auc DESC").limit(20)
 * </pre>
 *
 * Without sort keys runs come newest first; ties (and every order) are broken by start time, newest first, then run
 * id, so pages are stable.
 *
 * @param experiments experiment names to search in; empty means all
 * @param pageToken the {@link RunPage#nextPageToken()} of the previous page, or null for the first page
 */
public record RunQuery(
        Filter filter,
        List<OrderKey> orderBy,
        List<String> experiments,
        Lifecycle lifecycle,
        int limit,
        String pageToken) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 50_000;

    public RunQuery {
        Objects.requireNonNull(filter, "filter");
        orderBy = List.copyOf(orderBy);
        experiments = List.copyOf(experiments);
        Objects.requireNonNull(lifecycle, "lifecycle");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("the limit is 1 to " + MAX_LIMIT + " runs, got " + limit);
        }
    }

    /** Every run that is not deleted, newest first, {@value #DEFAULT_LIMIT} per page. */
    public static RunQuery all() {
        return new RunQuery(Filter.MATCH_ALL, List.of(), List.of(), Lifecycle.ACTIVE_ONLY, DEFAULT_LIMIT, null);
    }

    /**
     * Keeps the runs {@code filter} matches.
     *
     * @throws FilterSyntaxException if it does not parse
     */
    public RunQuery where(String filter) {
        return where(FilterParser.parse(filter));
    }

    public RunQuery where(Filter filter) {
        return new RunQuery(filter, orderBy, experiments, lifecycle, limit, pageToken);
    }

    /**
     * Sorts by {@code orderBy}, e.g. {@code "metrics.auc DESC, params.lr"}.
     *
     * @throws FilterSyntaxException if it does not parse
     */
    public RunQuery orderBy(String orderBy) {
        return orderBy(FilterParser.parseOrderBy(orderBy));
    }

    public RunQuery orderBy(List<OrderKey> orderBy) {
        return new RunQuery(filter, orderBy, experiments, lifecycle, limit, pageToken);
    }

    public RunQuery inExperiments(Collection<String> names) {
        return new RunQuery(filter, orderBy, List.copyOf(names), lifecycle, limit, pageToken);
    }

    public RunQuery inExperiments(String... names) {
        return inExperiments(List.of(names));
    }

    public RunQuery lifecycle(Lifecycle lifecycle) {
        return new RunQuery(filter, orderBy, experiments, lifecycle, limit, pageToken);
    }

    public RunQuery limit(int limit) {
        return new RunQuery(filter, orderBy, experiments, lifecycle, limit, pageToken);
    }

    public RunQuery pageToken(String pageToken) {
        return new RunQuery(filter, orderBy, experiments, lifecycle, limit, pageToken);
    }

    /** What page tokens are tied to: everything but the limit (a later page may ask for more or fewer runs). */
    String fingerprint() {
        return PageToken.fingerprint(filter + "\u0001" + orderBy + "\u0001" + experiments + "\u0001" + lifecycle);
    }
}
