package org.estimator4j.store.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Reads the experiment store for searches and the {@code e4j runs} commands: search runs, fetch one run, a metric's
 * history, experiments; and the one write those commands need, (un)flagging a run as deleted. Works on H2 and
 * PostgreSQL alike. Thread-safe; every call takes a connection from the data source and closes it.
 */
public final class RunQueries {

    /** How many runs an ambiguous id prefix lists. */
    static final int MAX_CANDIDATES = 5;

    /** Run ids per {@code IN (...)} when loading params, metrics and tags of a page. */
    private static final int CHUNK = 500;

    private static final String RUN_COLUMNS = "r.run_id, r.name, r.experiment_id, e.name, r.status, r.start_ms,"
            + " r.end_ms, r.parent_run_id, r.deleted";

    private final DataSource dataSource;

    public RunQueries(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Runs a search: the runs of the query's page with their params, latest metrics and tags.
     *
     * @throws IllegalArgumentException if the page token is not one this search issued
     */
    public RunPage search(RunQuery query) {
        String fingerprint = query.fingerprint();
        long offset = query.pageToken() == null ? 0 : PageToken.decode(query.pageToken(), fingerprint);
        SqlFragment sql = searchSql(query, offset);
        return read("search runs", connection -> {
            List<RunRow> rows = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(sql.sql())) {
                sql.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(RunRow.read(rs));
                    }
                }
            }
            boolean more = rows.size() > query.limit();
            if (more) {
                rows = rows.subList(0, query.limit());
            }
            List<RunSummary> runs = summaries(connection, rows);
            return new RunPage(runs, more
                    ? Optional.of(PageToken.encode(offset + query.limit(), fingerprint))
                    : Optional.empty());
        });
    }

    /** The SQL of a search, for tests and for anyone who wants to see it; {@code offset} as decoded from a token. */
    static SqlFragment searchSql(RunQuery query, long offset) {
        StringBuilder sql = new StringBuilder("SELECT ").append(RUN_COLUMNS)
                .append(" FROM runs r JOIN experiments e ON e.experiment_id = r.experiment_id");
        List<Object> parameters = new ArrayList<>();
        List<String> sortColumns = new ArrayList<>();
        for (int i = 0; i < query.orderBy().size(); i++) {
            OrderKey key = query.orderBy().get(i);
            Field field = key.field();
            String alias = "s" + i;
            String column = switch (field.kind()) {
                case METRIC -> sortJoin(sql, "latest_metrics", "metric_key", "metric_value", alias);
                case PARAM -> sortJoin(sql, "params", "param_key", "param_value", alias);
                case TAG -> sortJoin(sql, "tags", "tag_key", "tag_value", alias);
                case ATTRIBUTE -> field.attribute().column();
            };
            if (field.kind() != Field.Kind.ATTRIBUTE) {
                parameters.add(field.key());
            }
            if (field.kind() != Field.Kind.ATTRIBUTE || field.attribute().nullable()) {
                sortColumns.add("CASE WHEN " + column + " IS NULL THEN 1 ELSE 0 END");
            }
            sortColumns.add(column + (key.ascending() ? " ASC" : " DESC"));
        }
        sql.append(" WHERE ").append(switch (query.lifecycle()) {
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
            SqlFragment filter = FilterCompiler.compile(query.filter());
            sql.append(" AND ").append(filter.sql());
            parameters.addAll(filter.parameters());
        }
        sortColumns.add("r.start_ms DESC");
        sortColumns.add("r.run_id ASC");
        sql.append(" ORDER BY ").append(String.join(", ", sortColumns)).append(" LIMIT ? OFFSET ?");
        parameters.add((long) query.limit() + 1); // one more tells whether there is a next page
        parameters.add(offset);
        return new SqlFragment(sql.toString(), parameters);
    }

    private static String sortJoin(StringBuilder sql, String table, String keyColumn, String valueColumn,
            String alias) {
        sql.append(" LEFT JOIN ").append(table).append(' ').append(alias).append(" ON ").append(alias)
                .append(".run_id = r.run_id AND ").append(alias).append('.').append(keyColumn).append(" = ?");
        return alias + "." + valueColumn;
    }

    /** One run by its exact id, deleted or not, with params, latest metrics and tags. */
    public Optional<RunSummary> run(String runId) {
        return read("read run " + runId, connection -> runIn(connection, runId));
    }

    private static Optional<RunSummary> runIn(Connection connection, String runId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + RUN_COLUMNS
                + " FROM runs r JOIN experiments e ON e.experiment_id = r.experiment_id WHERE r.run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(summaries(connection, List.of(RunRow.read(rs))).get(0));
            }
        }
    }

    /** One run with everything recorded about it: failure, provenance, artifacts. */
    public Optional<RunDetails> details(String runId) {
        return read("read run " + runId, connection -> {
            Optional<RunSummary> summary = runIn(connection, runId);
            if (summary.isEmpty()) {
                return Optional.empty();
            }
            long heartbeat;
            String failure;
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT heartbeat_ms, failure FROM runs WHERE run_id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    heartbeat = rs.getLong(1);
                    failure = rs.getString(2);
                }
            }
            Map<String, String> provenance = new TreeMap<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT item_key, item_value FROM provenance WHERE run_id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        provenance.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            List<ArtifactInfo> artifacts = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT path, kind, size_bytes, sha256, logged_ms"
                    + " FROM artifacts WHERE run_id = ? ORDER BY logged_ms, path")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        artifacts.add(new ArtifactInfo(rs.getString(1), rs.getString(2), rs.getLong(3),
                                rs.getString(4), rs.getLong(5)));
                    }
                }
            }
            return Optional.of(new RunDetails(summary.get(), heartbeat, failure, provenance, artifacts));
        });
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
                ps.setString(2, idOrPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
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

    /** Every logged value of one metric of one run, by step, then time; empty if the run never logged it. */
    public List<MetricPoint> metricHistory(String runId, String key) {
        return read("read metric " + key + " of run " + runId, connection -> {
            List<MetricPoint> points = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT step, metric_value, logged_ms"
                    + " FROM metrics WHERE run_id = ? AND metric_key = ? ORDER BY step, logged_ms")) {
                ps.setString(1, runId);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        points.add(new MetricPoint(rs.getLong(1), rs.getDouble(2), rs.getLong(3)));
                    }
                }
            }
            return List.copyOf(points);
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
                    result.add(new ExperimentSummary(rs.getLong(1), rs.getString(2), rs.getLong(3),
                            rs.getBoolean(4), rs.getLong(5), rs.getLong(6), rs.wasNull() ? null : last));
                }
            }
            return List.copyOf(result);
        });
    }

    /**
     * Flags a run as deleted (hidden from searches) or not; the run and all it recorded stay.
     *
     * @return whether the run exists
     */
    public boolean setDeleted(String runId, boolean deleted) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement("UPDATE runs SET deleted = ? WHERE run_id = ?")) {
            ps.setBoolean(1, deleted);
            ps.setString(2, runId);
            boolean found = ps.executeUpdate() == 1;
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return found;
        } catch (SQLException e) {
            throw new StoreQueryException((deleted ? "deleting" : "restoring") + " run " + runId + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Loads params, latest metrics and tags for the rows, in bulk, and keeps the rows' order. */
    private static List<RunSummary> summaries(Connection connection, List<RunRow> rows) throws SQLException {
        Map<String, Map<String, String>> params = new HashMap<>();
        Map<String, Map<String, MetricPoint>> metrics = new HashMap<>();
        Map<String, Map<String, String>> tags = new HashMap<>();
        List<String> ids = rows.stream().map(RunRow::runId).toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String in = " WHERE run_id IN (" + "?, ".repeat(chunk.size() - 1) + "?)";
            forEachRow(connection, "SELECT run_id, param_key, param_value FROM params" + in, chunk, rs ->
                    params.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                            rs.getString(3)));
            forEachRow(connection, "SELECT run_id, metric_key, step, metric_value, logged_ms FROM latest_metrics"
                    + in, chunk, rs -> metrics.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getString(2), new MetricPoint(rs.getLong(3), rs.getDouble(4), rs.getLong(5))));
            forEachRow(connection, "SELECT run_id, tag_key, tag_value FROM tags" + in, chunk, rs ->
                    tags.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                            rs.getString(3)));
        }
        List<RunSummary> result = new ArrayList<>(rows.size());
        for (RunRow row : rows) {
            result.add(new RunSummary(row.runId(), row.name(), row.experimentId(), row.experiment(), row.status(),
                    row.startMs(), row.endMs(), row.parentRunId(), row.deleted(),
                    params.getOrDefault(row.runId(), Map.of()), metrics.getOrDefault(row.runId(), Map.of()),
                    tags.getOrDefault(row.runId(), Map.of())));
        }
        return result;
    }

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
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            try {
                return body.apply(connection);
            } finally {
                connection.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw new StoreQueryException("could not " + what + ": " + e.getMessage(), e);
        }
    }

    /** The columns {@link #RUN_COLUMNS} selects. */
    private record RunRow(String runId, String name, long experimentId, String experiment, String status,
            long startMs, Long endMs, String parentRunId, boolean deleted) {

        static RunRow read(ResultSet rs) throws SQLException {
            long end = rs.getLong(7);
            Long endMs = rs.wasNull() ? null : end;
            return new RunRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                    rs.getLong(6), endMs, rs.getString(8), rs.getBoolean(9));
        }
    }
}
