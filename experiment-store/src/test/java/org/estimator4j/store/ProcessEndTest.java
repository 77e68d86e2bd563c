package org.estimator4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.estimator4j.api.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a run ends when its process does: an exception (FAILED with the stack trace), System.exit and SIGTERM before
 * the run ended (KILLED by the shutdown hook, queued points kept), and SIGKILL (no hook runs: the run stays RUNNING
 * and turns STALE once its heartbeat is older than 3 intervals).
 */
class ProcessEndTest {
    @TempDir
    Path dir;

    @Test
    void anExceptionInTheChildMarksTheRunFailedWithTheStackTrace() throws Exception {
        String url = dir.resolve("s").toString();
        Process p = Jvm.start(dir.resolve("child.log"), "fail", url, "e");
        String runId = finish(p, 0);
        try (ExperimentStore store = ExperimentStore.open(url)) {
            Run run = store.getRun(runId);
            assertEquals(RunStatus.FAILED, run.status());
            assertTrue(
                    run.failure().startsWith("java.lang.IllegalStateException: the loss diverged at step 7"),
                    run.failure());
            assertTrue(run.failure().contains("StoreChildProcess.train"), run.failure());
        }
    }

    @Test
    void systemExitBeforeTheRunEndedMarksItKilledAndKeepsItsPoints() throws Exception {
        String url = dir.resolve("s").toString();
        String runId = finish(Jvm.start(dir.resolve("child.log"), "exit", url, "e"), 3);
        try (ExperimentStore store = ExperimentStore.open(url)) {
            Run run = store.getRun(runId);
            assertEquals(RunStatus.KILLED, run.status(), () -> log());
            assertTrue(run.failure().contains("SIGTERM"), run.failure());
            assertEquals(100, store.metricHistory(runId, "loss").size());
        }
    }

    @Test
    void sigtermMarksTheRunKilled() throws Exception {
        String url = dir.resolve("s").toString();
        Process p = Jvm.start(dir.resolve("child.log"), "hang", url, "e", "200");
        String runId = firstLine(p);
        Thread.sleep(300); // some points
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        try (ExperimentStore store = ExperimentStore.open(url)) {
            Run run = store.getRun(runId);
            assertEquals(RunStatus.KILLED, run.status(), () -> log());
            assertEquals(EffectiveStatus.KILLED, run.effectiveStatus());
            assertTrue(run.info().endMs() != null);
            assertTrue(!store.metricHistory(runId, "loss").isEmpty());
        }
    }

    @Test
    void aSigkilledRunTurnsStaleOnceItsHeartbeatIsOld() throws Exception {
        String url = dir.resolve("s").toString();
        Process p = Jvm.start(dir.resolve("child.log"), "hang", url, "e", "200");
        String runId = firstLine(p);
        try (ExperimentStore store = ExperimentStore.builder(url)
                .heartbeatInterval(Duration.ofMillis(200))
                .open()) {
            // Alive: the heartbeat keeps it RUNNING well past the stale threshold (600 ms).
            Thread.sleep(1_500);
            assertEquals(EffectiveStatus.RUNNING, store.getRun(runId).effectiveStatus(), () -> log());
            long beat = store.getRun(runId).info().heartbeatMs();
            assertTrue(System.currentTimeMillis() - beat < 1_000, "heartbeat is " + beat);

            p.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            Thread.sleep(1_000);
            RunInfo info = store.getRun(runId).info();
            assertEquals(RunStatus.RUNNING, info.status());
            assertTrue(info.stale());
            assertEquals(EffectiveStatus.STALE, info.effectiveStatus());
            assertEquals(
                    EffectiveStatus.STALE, store.listRuns("e", false).get(0).effectiveStatus());
        }
    }

    private String finish(Process p, int expectedCode) throws Exception {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), this::log);
        assertEquals(expectedCode, p.exitValue(), this::log);
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    private String firstLine(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertTrue(line != null && line.matches("[0-9a-f]{32}"), () -> "no run id: " + line + "\n" + log());
        return line;
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }
}
