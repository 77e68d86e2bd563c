package org.estimator4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.estimator4j.api.tracking.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on a real PostgreSQL server, named by {@code E4J_TEST_POSTGRES_URL} (.ci/run starts one); skipped
 * without it. Each test works in a schema of its own, dropped afterwards, so a shared database stays clean.
 */
class PostgresStoreTest {
    static final String ENV = "E4J_TEST_POSTGRES_URL";

    @TempDir
    Path dir;

    String baseUrl;
    String schema;
    String url;

    @BeforeEach
    void createSchema() throws Exception {
        baseUrl = System.getenv(ENV);
        Assumptions.assumeTrue(
                baseUrl != null && !baseUrl.isBlank(),
                ENV + " is not set: no PostgreSQL server to "
                        + "test against (.ci/run starts one; or export " + ENV
                        + "=jdbc:postgresql://localhost:5432/db?user=me)");
        schema = "e4j_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(baseUrl);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(baseUrl);
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void roundTrip() throws Exception {
        Path checkpoint = Files.writeString(dir.resolve("ckpt-5.e4j"), "w");
        try (ExperimentStore store = ExperimentStore.open(url)) {
            assertEquals(Dialect.POSTGRESQL, store.dialect());
            assertEquals(1, store.schemaVersion());
            TrackedRun run = store.newRun("pg").name("first").start();
            run.logParam("estimator.type", "DNNClassifier");
            run.logParam("estimator.type", "DNNClassifier");
            IllegalStateException conflict =
                    assertThrows(IllegalStateException.class, () -> run.logParam("estimator.type", "LinearClassifier"));
            assertTrue(conflict.getMessage().contains("'DNNClassifier'"));
            run.setTag("t", "1");
            run.setTag("t", "2");
            run.logArtifact(checkpoint, "checkpoint");
            run.logProvenance(Map.of("config", "{\"a\": 1}", "seed", "7"));
            for (int i = 0; i < 12_345; i++) {
                run.logMetric("train_loss", 1.0 / (i + 1), i);
            }
            run.logMetric("auc", 0.9, 50);
            run.logMetric("auc", 0.8, 10);
            run.end(RunStatus.FINISHED, null);

            Run r = store.getRun(run.runId());
            assertEquals("first", r.name());
            assertEquals(RunStatus.FINISHED, r.status());
            assertEquals(Map.of("estimator.type", "DNNClassifier"), r.params());
            assertEquals(Map.of("t", "2"), r.tags());
            assertEquals("{\"a\": 1}", r.provenance().get("config"));
            assertEquals(Provenance.sha256(checkpoint), r.artifacts().get(0).sha256());
            assertEquals(12_344, r.latestMetrics().get("train_loss").step());
            assertEquals(0.9, r.metric("auc"));
            assertEquals(12_345, store.metricHistory(run.runId(), "train_loss").size());
            assertEquals(
                    List.of(10L, 50L),
                    store.metricHistory(run.runId()).get("auc").stream()
                            .map(MetricPoint::step)
                            .toList());

            TrackedRun failed = store.newRun("pg").parent(run.runId()).start();
            failed.fail(new IllegalStateException("boom"));
            assertEquals(RunStatus.FAILED, store.getRun(failed.runId()).status());
            store.deleteRun(failed.runId());
            assertEquals(
                    List.of(run.runId()),
                    store.listRuns("pg", false).stream().map(RunInfo::runId).toList());
            store.restoreRun(failed.runId());
            assertEquals(2, store.listRuns("pg", false).size());
        }
    }

    @Test
    void aNewerSchemaIsRefused() throws Exception {
        try (ExperimentStore store = ExperimentStore.open(url);
                Connection c = store.connect();
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET version = '99' WHERE version = '1'");
        }
        StoreException e = assertThrows(StoreException.class, () -> ExperimentStore.open(url));
        assertTrue(e.getMessage().contains("schema version 99, newer than version 1"), e.getMessage());
    }

    @Test
    void fourProcessesRecordEveryPoint() throws Exception {
        Path go = dir.resolve("go");
        Process[] processes = new Process[4];
        for (int i = 0; i < processes.length; i++) {
            processes[i] = Jvm.start(
                    dir.resolve("child-" + i + ".log"),
                    "log",
                    url,
                    "pg-concurrent",
                    "2000",
                    dir.resolve("ready-" + i).toString(),
                    go.toString());
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (int i = 0; i < processes.length; i++) {
            while (!Files.exists(dir.resolve("ready-" + i))) {
                assertTrue(System.nanoTime() < deadline && processes[i].isAlive(), "child " + i + " did not start");
                Thread.sleep(20);
            }
        }
        Files.writeString(go, "go");
        for (Process p : processes) {
            assertTrue(p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
        }
        try (ExperimentStore store = ExperimentStore.open(url)) {
            List<RunInfo> runs = store.listRuns("pg-concurrent", false);
            assertEquals(4, runs.size());
            for (RunInfo info : runs) {
                assertEquals(RunStatus.FINISHED, info.status());
                assertEquals(2000, store.metricHistory(info.runId(), "loss").size());
                assertEquals(
                        2000,
                        store.getRun(info.runId()).latestMetrics().get("loss").step());
            }
        }
    }
}
