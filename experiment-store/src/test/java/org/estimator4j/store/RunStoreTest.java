package org.estimator4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.tracking.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's Java API against a real H2 file. */
class RunStoreTest {
    @TempDir
    Path dir;

    ExperimentStore store;

    @BeforeEach
    void open() {
        store = ExperimentStore.open(dir.resolve("store").toString());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void paramsAreImmutable() {
        try (TrackedRun run = store.startRun("census")) {
            run.logParam("estimator.type", "LinearClassifier");
            run.logParam("estimator.type", "LinearClassifier"); // same value again: nothing happens
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> run.logParam("estimator.type", "DNNClassifier"));
            assertTrue(e.getMessage().contains("estimator.type"), e.getMessage());
            assertTrue(e.getMessage().contains("'LinearClassifier'"), e.getMessage());
            assertTrue(e.getMessage().contains("'DNNClassifier'"), e.getMessage());
            // The writer survived the conflict and keeps recording.
            run.logParams(Map.of("data.batch_size", "40"));
            run.end(RunStatus.FINISHED, null);
            assertEquals(
                    Map.of("estimator.type", "LinearClassifier", "data.batch_size", "40"),
                    store.getRun(run.runId()).params());
        }
    }

    @Test
    void everyBatchedPointIsWrittenAndLatestMetricsHoldTheHighestStep() throws Exception {
        TrackedRun run = store.startRun("census");
        int n = 25_000; // more than two full batches
        for (int i = 0; i < n; i++) {
            run.logMetric("train_loss", 1.0 / (i + 1), i);
        }
        // Steps out of order: the latest value is the one with the highest step, not the last logged.
        run.logMetric("auc", 0.80, 200);
        run.logMetric("auc", 0.90, 300);
        run.logMetric("auc", 0.85, 100);
        run.flush();
        assertEquals(n, store.metricHistory(run.runId(), "train_loss").size());
        run.logMetric("auc", 0.95, 300); // same step, later: wins
        run.end(RunStatus.FINISHED, null);

        List<MetricPoint> loss = store.metricHistory(run.runId(), "train_loss");
        assertEquals(n, loss.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, loss.get(i).step());
            assertEquals(1.0 / (i + 1), loss.get(i).value());
        }
        Run recorded = store.getRun(run.runId());
        assertEquals(n - 1, recorded.latestMetrics().get("train_loss").step());
        assertEquals(1.0 / n, recorded.metric("train_loss"));
        assertEquals(300, recorded.latestMetrics().get("auc").step());
        assertEquals(0.95, recorded.metric("auc"));
        assertEquals(
                List.of(100L, 200L, 300L, 300L),
                store.metricHistory(run.runId(), "auc").stream()
                        .map(MetricPoint::step)
                        .toList());
        try (Connection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT COUNT(*) FROM latest_metrics WHERE run_id = '" + run.runId() + "'")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
        assertEquals(0, run.droppedPoints());
    }

    @Test
    void aRunRecordsEverything() throws Exception {
        Path checkpoint = Files.writeString(dir.resolve("ckpt-10.e4j"), "weights");
        Path bundle = Files.createDirectories(dir.resolve("export/best/10"));
        Files.writeString(bundle.resolve("model.json"), "{}");
        Files.writeString(bundle.resolve("variables.e4j"), "0123456789");

        TrackedRun parent = store.newRun("census").name("sweep").start();
        TrackedRun run =
                store.newRun("census").name("lr=0.2").parent(parent.runId()).start();
        assertTrue(run.runId().matches("[0-9a-f]{32}"), run.runId());
        run.setTag("team", "ads");
        run.setTag("team", "growth"); // tags may change
        run.logArtifact(checkpoint, "checkpoint");
        run.logArtifact(bundle, "bundle");
        run.logProvenance(Map.of("seed", "42", "git.commit", "abc"));
        run.logMetric("loss", 0.5, 10);
        run.end(RunStatus.FINISHED, null);
        parent.end(RunStatus.FINISHED, null);

        Run r = store.getRun(run.runId());
        assertEquals("lr=0.2", r.name());
        assertEquals("census", r.experimentName());
        assertEquals(parent.runId(), r.info().parentRunId());
        assertEquals(RunStatus.FINISHED, r.status());
        assertEquals(EffectiveStatus.FINISHED, r.effectiveStatus());
        assertTrue(r.info().endMs() >= r.info().startMs());
        assertNull(r.failure());
        assertEquals(Map.of("team", "growth"), r.tags());
        assertEquals(Map.of("seed", "42", "git.commit", "abc"), r.provenance());
        assertEquals(2, r.artifacts().size());
        Artifact ckpt = r.artifacts().stream()
                .filter(a -> a.kind().equals("checkpoint"))
                .findFirst()
                .orElseThrow();
        assertEquals(checkpoint.toAbsolutePath().toString(), ckpt.path());
        assertEquals(7, ckpt.sizeBytes());
        assertEquals(64, ckpt.sha256().length());
        assertEquals(Provenance.sha256(checkpoint), ckpt.sha256());
        Artifact b = r.artifacts().stream()
                .filter(a -> a.kind().equals("bundle"))
                .findFirst()
                .orElseThrow();
        assertEquals(12, b.sizeBytes());
        assertNull(b.sha256());

        // Ended runs refuse writes (and silently drop late metric points).
        assertThrows(IllegalStateException.class, () -> run.setTag("late", "x"));
        run.logMetric("loss", 0.1, 11);
        assertEquals(1, run.droppedPoints());
    }

    @Test
    void experimentsAreUniqueByNameAndListed() {
        Experiment a = store.createExperiment("a");
        assertEquals(a, store.experiment("a"));
        StoreException e = assertThrows(StoreException.class, () -> store.createExperiment("a"));
        assertTrue(e.getMessage().contains("'a' already exists"), e.getMessage());
        store.experiment("b");
        assertEquals(
                List.of("a", "b"),
                store.listExperiments().stream().map(Experiment::name).toList());
    }

    @Test
    void deletedRunsAreHiddenAndRestorable() {
        TrackedRun one = store.startRun("e");
        TrackedRun two = store.startRun("e");
        one.close();
        two.close();
        store.deleteRun(one.runId());
        assertEquals(
                List.of(two.runId()),
                store.listRuns("e", false).stream().map(RunInfo::runId).toList());
        assertEquals(2, store.listRuns("e", true).size());
        assertTrue(store.getRun(one.runId()).info().deleted());
        store.restoreRun(one.runId());
        assertEquals(2, store.listRuns("e", false).size());
        StoreException e = assertThrows(StoreException.class, () -> store.deleteRun("0".repeat(32)));
        assertTrue(e.getMessage().contains("no run"), e.getMessage());
    }

    @Test
    void anExceptionPathMarksTheRunFailedWithTheStackTrace() {
        TrackedRun run = store.startRun("e");
        try {
            throw new IllegalArgumentException("bad column 'age'");
        } catch (IllegalArgumentException e) {
            run.fail(e);
        }
        run.end(RunStatus.FINISHED, null); // the first end wins
        Run r = store.getRun(run.runId());
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.failure().startsWith("java.lang.IllegalArgumentException: bad column 'age'"), r.failure());
        assertTrue(r.failure().contains("at org.estimator4j.store.RunStoreTest"), r.failure());
    }

    @Test
    void theReadmeQueryRuns() throws Exception {
        for (double auc : new double[] {0.7, 0.9, 0.8}) {
            TrackedRun run = store.newRun("census").name("auc " + auc).start();
            run.logParam("estimator.optimizer.learning_rate", Double.toString(auc / 10));
            run.logMetric("auc", auc, 100);
            run.close();
        }
        String readme = """
                SELECT r.run_id, r.name, m.metric_value AS auc, p.param_value AS learning_rate
                FROM runs r
                JOIN experiments e ON e.experiment_id = r.experiment_id
                JOIN latest_metrics m ON m.run_id = r.run_id AND m.metric_key = 'auc'
                LEFT JOIN params p ON p.run_id = r.run_id AND p.param_key = 'estimator.optimizer.learning_rate'
                WHERE e.name = 'census' AND r.status = 'FINISHED' AND NOT r.deleted
                ORDER BY m.metric_value DESC
                FETCH FIRST 5 ROWS ONLY
                """;
        try (Connection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(readme)) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("name") + " " + rs.getString("learning_rate"));
            }
            assertEquals(List.of("auc 0.9 0.09", "auc 0.8 0.08", "auc 0.7 0.06999999999999999"), names);
        }
    }

    @Test
    void reopeningKeepsEverythingAndTheSchemaVersion() {
        TrackedRun run = store.startRun("e");
        run.logParam("p", "1");
        run.close();
        store.close();
        store = ExperimentStore.open(dir.resolve("store").toString());
        assertEquals(1, store.schemaVersion());
        assertEquals(Map.of("p", "1"), store.getRun(run.runId()).params());
        assertFalse(store.findRun("f".repeat(32)).isPresent());
    }
}
