package org.estimator4j.store.query;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.estimator4j.store.ExperimentStore;

/**
 * A real store for tests: an H2 file (or a PostgreSQL schema of its own) created by {@link ExperimentStore#open}, which
 * runs the shipped Flyway migrations; filled by plain JDBC so tests control every column (times, heartbeats, deleted).
 */
final class TestStore implements AutoCloseable {
    final ExperimentStore store;
    private final Runnable cleanUp;
    private final Map<String, Long> experiments = new LinkedHashMap<>();

    private TestStore(String url, Runnable cleanUp) {
        this.store = ExperimentStore.open(url);
        this.cleanUp = cleanUp;
    }

    static TestStore h2(Path dir) {
        return h2(dir, "");
    }

    /** @param options H2 URL options, e.g. {@code ";MODE=PostgreSQL"} */
    static TestStore h2(Path dir, String options) {
        return new TestStore("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + options, () -> {});
    }

    /**
     * A schema of its own in the PostgreSQL database {@code baseUrl} names (E4J_TEST_POSTGRES_URL), dropped on
     * {@link #close}, so tests can share one server.
     */
    static TestStore postgres(String baseUrl) {
        String schema =
                "e4j_query_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        sql(baseUrl, "CREATE SCHEMA " + schema);
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestStore(url, () -> sql(baseUrl, "DROP SCHEMA " + schema + " CASCADE"));
    }

    private static void sql(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        store.close();
        cleanUp.run();
    }

    Connection connect() throws SQLException {
        return store.connect();
    }

    RunQueries queries() {
        return new RunQueries(store);
    }

    long experiment(String name) {
        return experiments.computeIfAbsent(name, n -> {
            try (Connection c = connect();
                    PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO experiments (name, created_ms) VALUES (?, ?)",
                            new String[] {"experiment_id"})) {
                ps.setString(1, n);
                ps.setLong(2, 1000L * (experiments.size() + 1));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    Run run(String runId, String experiment) {
        return new Run(runId, experiment);
    }

    void execute(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A run to insert: FINISHED, started at 1000, ended at 2000 unless told otherwise. */
    final class Run {
        private final String runId;
        private final String experiment;
        private String name;
        private String status = "FINISHED";
        private long start = 1000;
        private Long end = 2000L;
        private String parent;
        private String failure;
        private boolean deleted;
        private final Map<String, String> params = new LinkedHashMap<>();
        private final Map<String, double[]> metrics = new LinkedHashMap<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final Map<String, String> provenance = new LinkedHashMap<>();
        private final List<String[]> artifacts = new ArrayList<>();

        private Run(String runId, String experiment) {
            this.runId = runId;
            this.experiment = experiment;
        }

        Run name(String name) {
            this.name = name;
            return this;
        }

        Run status(String status) {
            this.status = status;
            return this;
        }

        Run times(long start, Long end) {
            this.start = start;
            this.end = end;
            return this;
        }

        Run parent(String parent) {
            this.parent = parent;
            return this;
        }

        Run failure(String failure) {
            this.failure = failure;
            return this;
        }

        Run deleted() {
            this.deleted = true;
            return this;
        }

        Run param(String key, String value) {
            params.put(key, value);
            return this;
        }

        /** Logs the values at steps 0, 10, 20, ...; the last is the latest. */
        Run metric(String key, double... history) {
            metrics.put(key, history);
            return this;
        }

        Run tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        Run provenance(String key, String value) {
            provenance.put(key, value);
            return this;
        }

        Run artifact(String path, String kind, long size) {
            artifacts.add(new String[] {path, kind, Long.toString(size)});
            return this;
        }

        String insert() {
            long experimentId = experiment(experiment);
            try (Connection c = connect()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (run_id, experiment_id, name,"
                        + " status, start_ms, end_ms, heartbeat_ms, parent_run_id, failure, deleted)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, runId);
                    ps.setLong(2, experimentId);
                    ps.setString(3, name);
                    ps.setString(4, status);
                    ps.setLong(5, start);
                    ps.setObject(6, end, java.sql.Types.BIGINT);
                    ps.setLong(7, end == null ? start : end);
                    ps.setString(8, parent);
                    ps.setString(9, failure);
                    ps.setBoolean(10, deleted);
                    ps.executeUpdate();
                }
                keyValues(c, "params", params);
                keyValues(c, "tags", tags);
                keyValues(c, "provenance", provenance);
                for (Map.Entry<String, double[]> m : metrics.entrySet()) {
                    double[] values = m.getValue();
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO metrics (run_id, metric_key, step,"
                            + " metric_value, logged_ms) VALUES (?, ?, ?, ?, ?)")) {
                        for (int i = 0; i < values.length; i++) {
                            ps.setString(1, runId);
                            ps.setString(2, m.getKey());
                            ps.setLong(3, 10L * i);
                            ps.setDouble(4, values[i]);
                            ps.setLong(5, start + i);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO latest_metrics (run_id, metric_key,"
                            + " step, metric_value, logged_ms) VALUES (?, ?, ?, ?, ?)")) {
                        ps.setString(1, runId);
                        ps.setString(2, m.getKey());
                        ps.setLong(3, 10L * (values.length - 1));
                        ps.setDouble(4, values[values.length - 1]);
                        ps.setLong(5, start + values.length - 1);
                        ps.executeUpdate();
                    }
                }
                for (String[] a : artifacts) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO artifacts (run_id, path, kind,"
                            + " size_bytes, sha256, logged_ms) VALUES (?, ?, ?, ?, NULL, ?)")) {
                        ps.setString(1, runId);
                        ps.setString(2, a[0]);
                        ps.setString(3, a[1]);
                        ps.setLong(4, Long.parseLong(a[2]));
                        ps.setLong(5, start);
                        ps.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return runId;
        }

        private void keyValues(Connection c, String table, Map<String, String> values) throws SQLException {
            String columns = switch (table) {
                case "params" -> "param_key, param_value";
                case "tags" -> "tag_key, tag_value";
                default -> "item_key, item_value";
            };
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO " + table + " (run_id, " + columns + ") VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> e : values.entrySet()) {
                    ps.setString(1, runId);
                    ps.setString(2, e.getKey());
                    ps.setString(3, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
