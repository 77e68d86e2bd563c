package org.estimator4j.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.estimator4j.api.tracking.RunStatus;

/**
 * The SQL a {@link TrackedRun}'s writer runs for one run, portable to every {@link Dialect} (the metric inserts, which
 * differ, are {@link Dialect#insertMetrics}'). Each method is one write inside the writer's transaction.
 */
final class RunStatements {
    private RunStatements() {}

    /** Records a param; a param already there must have the same value, since params are immutable. */
    static void insertParam(Connection c, String runId, String key, String value) throws SQLException {
        String old = null;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT param_value FROM params WHERE run_id = ? AND param_key = ?")) {
            ps.setString(1, runId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    old = rs.getString(1);
                }
            }
        }
        if (old != null) {
            if (!old.equals(value)) {
                throw new IllegalStateException("param " + key + " of run " + runId + " is already '" + old
                        + "'; params are immutable, so it cannot become '" + value + "'. Start a new run for "
                        + "the new value, or record the change as a tag or a metric");
            }
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO params (run_id, param_key, param_value) VALUES (?, ?, ?)")) {
            ps.setString(1, runId);
            ps.setString(2, key);
            ps.setString(3, value);
            ps.executeUpdate();
        }
    }

    static void upsertTag(Connection c, String runId, String key, String value) throws SQLException {
        upsert(
                c,
                "UPDATE tags SET tag_value = ? WHERE run_id = ? AND tag_key = ?",
                "INSERT INTO tags (tag_value, run_id, tag_key) VALUES (?, ?, ?)",
                runId,
                value,
                key);
    }

    static void upsertProvenance(Connection c, String runId, String key, String value) throws SQLException {
        upsert(
                c,
                "UPDATE provenance SET item_value = ? WHERE run_id = ? AND item_key = ?",
                "INSERT INTO provenance (item_value, run_id, item_key) VALUES (?, ?, ?)",
                runId,
                value,
                key);
    }

    private static void upsert(Connection c, String update, String insert, String runId, String value, String key)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(update)) {
            ps.setString(1, value);
            ps.setString(2, runId);
            ps.setString(3, key);
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, value);
            ps.setString(2, runId);
            ps.setString(3, key);
            ps.executeUpdate();
        }
    }

    /** Records an artifact at {@code path}, replacing an earlier record of the same path. */
    static void upsertArtifact(
            Connection c, String runId, String path, String kind, long size, String sha256, long loggedMs)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE artifacts SET kind = ?, size_bytes = ?, "
                + "sha256 = ?, logged_ms = ? WHERE run_id = ? AND path = ?")) {
            ps.setString(1, kind);
            ps.setLong(2, size);
            ps.setString(3, sha256);
            ps.setLong(4, loggedMs);
            ps.setString(5, runId);
            ps.setString(6, path);
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO artifacts (kind, size_bytes, sha256, "
                + "logged_ms, run_id, path) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, kind);
            ps.setLong(2, size);
            ps.setString(3, sha256);
            ps.setLong(4, loggedMs);
            ps.setString(5, runId);
            ps.setString(6, path);
            ps.executeUpdate();
        }
    }

    /** The run's final status, end time (also its last heartbeat) and failure text. */
    static void end(Connection c, String runId, RunStatus status, String failure) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE runs SET status = ?, end_ms = ?, " + "heartbeat_ms = ?, failure = ? WHERE run_id = ?")) {
            long now = System.currentTimeMillis();
            ps.setString(1, status.name());
            ps.setLong(2, now);
            ps.setLong(3, now);
            ps.setString(4, failure);
            ps.setString(5, runId);
            ps.executeUpdate();
        }
    }

    static void heartbeat(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET heartbeat_ms = ? WHERE run_id = ?")) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setString(2, runId);
            ps.executeUpdate();
        }
    }

    /** Whether point {@code p} is already in {@code metrics} (a batch committed before its connection was lost). */
    static boolean present(Connection c, String runId, QueuedPoint p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM metrics WHERE run_id = ? "
                + "AND metric_key = ? AND step = ? AND logged_ms = ?")) {
            ps.setString(1, runId);
            ps.setString(2, p.key());
            ps.setLong(3, p.step());
            ps.setLong(4, p.timeMs());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    /** Makes {@code p} its key's row in {@code latest_metrics}. */
    static void upsertLatest(Connection c, String runId, QueuedPoint p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE latest_metrics SET step = ?, metric_value = ?, "
                + "logged_ms = ? WHERE run_id = ? AND metric_key = ?")) {
            ps.setLong(1, p.step());
            ps.setDouble(2, p.value());
            ps.setLong(3, p.timeMs());
            ps.setString(4, runId);
            ps.setString(5, p.key());
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO latest_metrics (step, metric_value, "
                + "logged_ms, run_id, metric_key) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, p.step());
            ps.setDouble(2, p.value());
            ps.setLong(3, p.timeMs());
            ps.setString(4, runId);
            ps.setString(5, p.key());
            ps.executeUpdate();
        }
    }
}
