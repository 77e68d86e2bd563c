package org.estimator4j.store.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.MetricPoint;
import org.estimator4j.store.RunInfo;
import org.estimator4j.store.StoreException;
import org.estimator4j.store.StoreLocation;

/**
 * The reads of an {@link ExperimentStore} that {@link ExperimentStore} itself does not offer: searching runs with a
 * filter, resolving a run id from a prefix, experiments with their run counts. Works on H2 and PostgreSQL alike.
 * Thread-safe; every call takes a connection from the store, marks it read-only and closes it.
 */
public final class RunQueries {

    /** How many runs an ambiguous id prefix lists. */
    static final int MAX_CANDIDATES = 5;

    /** Run ids per {@code IN (...)} when loading params, metrics and tags of a page. */
    private static final int CHUNK = 500;

    /** What {@link ExperimentStore#runInfo} reads, in its order. */
    private static final String RUN_COLUMNS = "r.run_id, r.experiment_id, e.name, r.name, r.status, r.start_ms,"
            + " r.end_ms, r.heartbeat_ms, r.parent_run_id, r.failure, r.deleted";

    private final ExperimentStore store;

    public RunQueries(ExperimentStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Runs a search: the runs of the query's page with their params, latest metrics and tags.
     *
     * @throws IllegalArgumentException if the page token is not one this search issued
     */
    public RunPage search(RunQuery query) {
        String fingerprint = query.fingerprint();
        long offset = query.pageToken() == null ? 0 : PageToken.decode(query.pageToken(), fingerprint);
        long now = System.currentTimeMillis();
        SqlFragment sql = searchSql(query, offset, now - store.staleAfter().toMillis());
        return read("search runs", connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(sql.sql())) {
                sql.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            boolean more = ids.size() > query.limit();
            if (more) {
                ids = ids.subList(0, query.limit());
            }
            List<RunSummary> runs = summaries(connection, runInfos(connection, ids, now));
            return new RunPage(
                    runs, more ? Optional.of(PageToken.encode(offset + query.limit(), fingerprint)) : Optional.empty());
        });
    }

    /**
     * The SQL that finds the ids of a page of runs, in order, for tests and for anyone who wants to see it;
     * {@code offset} as decoded from a token. Only ids and sort keys travel through the sort: the rows of the page
     * are read afterwards ({@link #runInfos}), so a long failure text is never copied for runs that do not make the
     * page. {@code staleBeforeMs}: RUNNING runs with an older heartbeat filter and sort as STALE.
     */
    static SqlFragment searchSql(RunQuery query, long offset, long staleBeforeMs) {
        StringBuilder sql = new StringBuilder("SELECT r.run_id FROM runs r");
        if (!query.experiments().isEmpty() || namesExperiment(query)) {
            sql.append(" JOIN experiments e ON e.experiment_id = r.experiment_id");
        }
        List<Object> parameters = new ArrayList<>();
        List<String> sortColumns = new ArrayList<>();
        List<Object> sortParameters = new ArrayList<>();
        for (int i = 0; i < query.orderBy().size(); i++) {
            OrderKey key = query.orderBy().get(i);
            Field field = key.field();
            String alias = "s" + i;
            String column = switch (field.kind()) {
                case METRIC -> sortJoin(sql, "latest_metrics", "metric_key", "metric_value", alias);
                case PARAM -> sortJoin(sql, "params", "param_key", "param_value", alias);
                case TAG -> sortJoin(sql, "tags", "tag_key", "tag_value", alias);
                case ATTRIBUTE ->
                    field.attribute() == Attribute.STATUS
                            ? Attribute.EFFECTIVE_STATUS
                            : field.attribute().column();
            };
            if (field.kind() == Field.Kind.ATTRIBUTE && field.attribute() == Attribute.STATUS) {
                sortParameters.add(staleBeforeMs);
            }
            if (field.kind() != Field.Kind.ATTRIBUTE) {
                parameters.add(field.key());
            }
            if (field.kind() != Field.Kind.ATTRIBUTE || field.attribute().nullable()) {
                sortColumns.add("CASE WHEN " + column + " IS NULL THEN 1 ELSE 0 END");
            }
            sortColumns.add(column + (key.ascending() ? " ASC" : " DESC"));
        }
        sql.append(" WHERE ")
                .append(
                        switch (query.lifecycle()) {
                            case ACTIVE_ONLY -> "r.deleted = FALSE";
                            case DELETED_ONLY -> "r.deleted = TRUE";
                            case ALL -> "1 = 1";
                        });
        if (!query.experiments().isEmpty()) {
            sql.append(" AND e.name IN (");
            for (int i = 0; i < query.experiments().size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
                parameters.add(query.experiments().get(i));
            }
            sql.append(')');
        }
        if (!query.filter().equals(Filter.MATCH_ALL)) {
            SqlFragment filter = FilterCompiler.compile(query.filter(), staleBeforeMs);
            sql.append(" AND ").append(filter.sql());
            parameters.addAll(filter.parameters());
        }
        parameters.addAll(sortParameters);
        sortColumns.add("r.start_ms DESC");
        sortColumns.add("r.run_id ASC");
        sql.append(" ORDER BY ").append(String.join(", ", sortColumns)).append(" LIMIT ? OFFSET ?");
        parameters.add((long) query.limit() + 1); // one more tells whether there is a next page
        parameters.add(offset);
        return new SqlFragment(sql.toString(), parameters);
    }

    /** Whether the filter or a sort key reads the experiment's name (alias {@code e}). */
    private static boolean namesExperiment(RunQuery query) {
        return query.orderBy().stream().anyMatch(k -> isExperiment(k.field())) || namesExperiment(query.filter());
    }

    private static boolean namesExperiment(Filter filter) {
        if (filter instanceof Filter.And and) {
            return and.terms().stream().anyMatch(RunQueries::namesExperiment);
        }
        if (filter instanceof Filter.Or or) {
            return or.terms().stream().anyMatch(RunQueries::namesExperiment);
        }
        if (filter instanceof Filter.Not not) {
            return namesExperiment(not.term());
        }
        return isExperiment(((Comparison) filter).field());
    }

    private static boolean isExperiment(Field field) {
        return field.kind() == Field.Kind.ATTRIBUTE && field.attribute() == Attribute.EXPERIMENT;
    }

    /** The rows of the runs {@code ids} names, in that order. */
    private List<RunInfo> runInfos(Connection connection, List<String> ids, long now) throws SQLException {
        Map<String, RunInfo> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            forEachRow(
                    connection,
                    "SELECT " + RUN_COLUMNS + " FROM runs r JOIN experiments e"
                            + " ON e.experiment_id = r.experiment_id WHERE r.run_id IN ("
                            + "?, ".repeat(chunk.size() - 1)
                            + "?)",
                    chunk,
                    rs -> {
                        RunInfo info = store.runInfo(rs, now);
                        byId.put(info.runId(), info);
                    });
        }
        List<RunInfo> rows = new ArrayList<>(ids.size());
        for (String id : ids) {
            RunInfo info = byId.get(id);
            if (info != null) { // deleted from the database between the two reads
                rows.add(info);
            }
        }
        return rows;
    }

    private static String sortJoin(
            StringBuilder sql, String table, String keyColumn, String valueColumn, String alias) {
        sql.append(" LEFT JOIN ")
                .append(table)
                .append(' ')
                .append(alias)
                .append(" ON ")
                .append(alias)
                .append(".run_id = r.run_id AND ")
                .append(alias)
                .append('.')
                .append(keyColumn)
                .append(" = ?");
        return alias + "." + valueColumn;
    }

    /**
     * The full id of the run {@code idOrPrefix} names: an exact id, or a prefix of exactly one run's id (like git's
     * short hashes).
     *
     * @throws UnknownRunException if no run matches, or several do
     */
    public String resolveRunId(String idOrPrefix) {
        return read("find run " + idOrPrefix, connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT run_id FROM runs WHERE run_id = ? OR run_id LIKE ? ESCAPE '\\' ORDER BY run_id")) {
                ps.setString(1, idOrPrefix);
                ps.setString(
                        2, idOrPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                ps.setMaxRows(MAX_CANDIDATES);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            if (ids.contains(idOrPrefix)) {
                return idOrPrefix;
            }
            if (ids.size() == 1 && !idOrPrefix.isEmpty()) {
                return ids.get(0);
            }
            throw new UnknownRunException(idOrPrefix, idOrPrefix.isEmpty() ? List.of() : ids);
        });
    }

    /** All experiments by name, with their run counts. */
    public List<ExperimentSummary> experiments() {
        return read("list experiments", connection -> {
            List<ExperimentSummary> result = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT e.experiment_id, e.name, e.created_ms,"
                            + " e.deleted,"
                            + " (SELECT COUNT(*) FROM runs r WHERE r.experiment_id = e.experiment_id AND r.deleted = FALSE),"
                            + " (SELECT COUNT(*) FROM runs r WHERE r.experiment_id = e.experiment_id AND r.deleted = TRUE),"
                            + " (SELECT MAX(r.start_ms) FROM runs r WHERE r.experiment_id = e.experiment_id"
                            + " AND r.deleted = FALSE)"
                            + " FROM experiments e ORDER BY e.name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long last = rs.getLong(7);
                    Long lastStart = rs.wasNull() ? null : last; // before any other getter: wasNull is the last read
                    result.add(new ExperimentSummary(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getBoolean(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            lastStart));
                }
            }
            return List.copyOf(result);
        });
    }

    /** Loads params, latest metrics and tags for the rows, in bulk, and keeps the rows' order. */
    private static List<RunSummary> summaries(Connection connection, List<RunInfo> rows) throws SQLException {
        Map<String, Map<String, String>> params = new HashMap<>();
        Map<String, Map<String, MetricPoint>> metrics = new HashMap<>();
        Map<String, Map<String, String>> tags = new HashMap<>();
        List<String> ids = rows.stream().map(RunInfo::runId).toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String in = " WHERE run_id IN (" + "?, ".repeat(chunk.size() - 1) + "?)";
            forEachRow(
                    connection,
                    "SELECT run_id, param_key, param_value FROM params" + in,
                    chunk,
                    rs -> params.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getString(2), rs.getString(3)));
            forEachRow(
                    connection,
                    "SELECT run_id, metric_key, step, metric_value, logged_ms FROM latest_metrics" + in,
                    chunk,
                    rs -> metrics.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getString(2), new MetricPoint(rs.getLong(3), rs.getDouble(4), rs.getLong(5))));
            forEachRow(
                    connection,
                    "SELECT run_id, tag_key, tag_value FROM tags" + in,
                    chunk,
                    rs -> tags.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getString(2), rs.getString(3)));
        }
        List<RunSummary> result = new ArrayList<>(rows.size());
        for (RunInfo row : rows) {
            result.add(new RunSummary(
                    row,
                    params.getOrDefault(row.runId(), Map.of()),
                    metrics.getOrDefault(row.runId(), Map.of()),
                    tags.getOrDefault(row.runId(), Map.of())));
        }
        return result;
    }

    /** Reads one row of a result set. */
    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void forEachRow(Connection connection, String sql, List<String> ids, RowHandler handler)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
        }
    }

    private interface Read<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Runs a read on a fresh connection marked read-only (PostgreSQL then refuses writes, whatever the SQL). */
    private <T> T read(String what, Read<T> body) {
        try (Connection connection = store.connect()) {
            connection.setReadOnly(true);
            try {
                return body.apply(connection);
            } finally {
                connection.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw new StoreException(
                    "could not " + what + " in " + StoreLocation.redact(store.url()) + ": " + e.getMessage(),
                    "check that the store is reachable (--store, E4J_STORE)",
                    e);
        }
    }
}
