package org.estimator4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.estimator4j.api.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes train at once into one H2 file (the default store's situation): 4 JVMs create the store at the
 * same moment (racing to create the schema), log 2,000 points each while the others do, and exit one after another,
 * each exit taking down the H2 server the others may be connected through. Every run must be FINISHED with every
 * point.
 */
class ConcurrentProcessesTest {
    static final int PROCESSES = 4;
    static final int POINTS = 2_000;

    @TempDir
    Path dir;

    @Test
    void fourProcessesRecordEveryPointIntoOneH2File() throws Exception {
        String url = dir.resolve("store").toString();
        Path go = dir.resolve("go");
        List<Process> processes = new ArrayList<>();
        List<Path> ready = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            Path r = dir.resolve("ready-" + i);
            ready.add(r);
            processes.add(Jvm.start(
                    dir.resolve("child-" + i + ".log"),
                    "log",
                    url,
                    "concurrent",
                    Integer.toString(POINTS),
                    r.toString(),
                    go.toString()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!ready.stream().allMatch(Files::exists)) {
            for (int i = 0; i < PROCESSES; i++) {
                assertTrue(
                        processes.get(i).isAlive() || Files.exists(ready.get(i)),
                        () -> "a child died before starting its run:\n" + logs());
            }
            assertTrue(System.nanoTime() < deadline, () -> "children did not start in time:\n" + logs());
            Thread.sleep(20);
        }
        Files.writeString(go, "go"); // all 4 runs are RUNNING: now they log at the same time
        Set<String> runIds = new HashSet<>();
        for (int i = 0; i < PROCESSES; i++) {
            Process p = processes.get(i);
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), () -> "a child hung:\n" + logs());
            String out = new String(p.getInputStream().readAllBytes()).trim();
            int code = p.exitValue();
            assertEquals(0, code, () -> "child failed:\n" + logs());
            runIds.add(out);
        }
        assertEquals(PROCESSES, runIds.size());

        try (ExperimentStore store = ExperimentStore.open(url)) {
            List<RunInfo> runs = store.listRuns("concurrent", false);
            assertEquals(PROCESSES, runs.size());
            for (RunInfo info : runs) {
                assertTrue(runIds.contains(info.runId()));
                assertEquals(RunStatus.FINISHED, info.status(), info.runId());
                Run run = store.getRun(info.runId());
                List<MetricPoint> loss = store.metricHistory(info.runId(), "loss");
                assertEquals(POINTS, loss.size(), "loss points of " + info.runId());
                for (int step = 1; step <= POINTS; step++) {
                    assertEquals(step, loss.get(step - 1).step());
                    assertEquals(1.0 / step, loss.get(step - 1).value());
                }
                assertEquals(
                        POINTS / 10, store.metricHistory(info.runId(), "acc").size());
                assertEquals(POINTS, run.latestMetrics().get("loss").step());
                assertEquals(1.0, run.metric("acc"));
                assertTrue(run.params().containsKey("pid"));
            }
        }
    }

    private String logs() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < PROCESSES; i++) {
            Path log = dir.resolve("child-" + i + ".log");
            try {
                all.append("--- child ").append(i).append('\n').append(Files.readString(log));
            } catch (java.io.IOException e) {
                all.append("--- child ").append(i).append(": no log\n");
            }
        }
        return all.toString();
    }
}
