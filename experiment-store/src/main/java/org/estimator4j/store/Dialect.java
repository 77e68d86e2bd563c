package org.estimator4j.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The databases a store runs on. The schema is portable SQL; the few differences are decided here. */
public enum Dialect {
    H2 {
        /**
         * The whole batch as one statement over arrays ({@code UNNEST}), which skips the per-row statement execution
         * of a JDBC batch, with the rows ordered by key and step so the index is appended to rather than inserted
         * into at random.
         */
        @Override
        void insertMetrics(Connection c, String runId, List<QueuedPoint> points) throws SQLException {
            List<QueuedPoint> sorted = new ArrayList<>(points);
            sorted.sort(BY_KEY_AND_STEP);
            int n = sorted.size();
            String[] keys = new String[n];
            Long[] steps = new Long[n];
            Double[] values = new Double[n];
            Long[] times = new Long[n];
            for (int i = 0; i < n; i++) {
                QueuedPoint p = sorted.get(i);
                keys[i] = p.key();
                steps[i] = p.step();
                values[i] = p.value();
                times[i] = p.timeMs();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO metrics (run_id, metric_key, step, "
                    + "metric_value, logged_ms) DIRECT SELECT ?, k, s, v, t "
                    + "FROM UNNEST(?, ?, ?, ?) AS u(k, s, v, t)")) {
                ps.setString(1, runId);
                ps.setObject(2, keys);
                ps.setObject(3, steps);
                ps.setObject(4, values);
                ps.setObject(5, times);
                int written = ps.executeUpdate();
                if (written != n) {
                    throw new SQLException("wrote " + written + " of " + n + " metric points", "25000");
                }
            }
        }
    },
    POSTGRESQL {
        /** A JDBC batch, which the driver rewrites into multi-row INSERTs ({@code reWriteBatchedInserts}). */
        @Override
        void insertMetrics(Connection c, String runId, List<QueuedPoint> points) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO metrics (run_id, metric_key, step, "
                    + "metric_value, logged_ms) VALUES (?, ?, ?, ?, ?)")) {
                for (QueuedPoint p : points) {
                    ps.setString(1, runId);
                    ps.setString(2, p.key());
                    ps.setLong(3, p.step());
                    ps.setDouble(4, p.value());
                    ps.setLong(5, p.timeMs());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    };

    private static final Comparator<QueuedPoint> BY_KEY_AND_STEP =
            Comparator.comparing(QueuedPoint::key).thenComparingLong(QueuedPoint::step);

    /** The dialect of a JDBC URL, or an error naming the URLs that work. */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new StoreException("unsupported store URL '" + jdbcUrl + "': use jdbc:h2:file:/path/to/store, "
                + "jdbc:postgresql://host:port/db?user=...&password=..., or a plain path for an H2 file");
    }

    /** Inserts a run's metric points into {@code metrics}, in one round trip where the database allows. */
    abstract void insertMetrics(Connection c, String runId, List<QueuedPoint> points) throws SQLException;
}
