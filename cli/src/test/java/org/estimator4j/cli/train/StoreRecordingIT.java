package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.estimator4j.api.tracking.RunStatus;
import org.estimator4j.store.EffectiveStatus;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.Run;
import org.estimator4j.store.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/e4j train} (the shaded jar: Flyway, H2 and the migrations inside it) records its run, and SIGTERM in the
 * middle of training ends the run KILLED with its points kept, through the store's shutdown hook.
 */
class StoreRecordingIT {
    @TempDir
    Path dir;

    @Test
    void sigtermDuringTrainingMarksTheRunKilled() throws Exception {
        Path config = writeExperiment();
        String store = dir.resolve("store").toString();
        Process p = start(config, "--store", store);
        String runId = awaitTrainingLoss(store, p);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "e4j train did not exit on SIGTERM");
        try (ExperimentStore s = ExperimentStore.open(store)) {
            Run run = s.getRun(runId);
            assertEquals(RunStatus.KILLED, run.status(), log());
            assertTrue(run.failure().contains("SIGTERM"), run.failure());
            assertTrue(run.info().endMs() != null);
            assertFalse(s.metricHistory(runId, "train_loss").isEmpty());
            assertEquals("LinearClassifier", run.params().get("estimator.type"));
            assertTrue(run.provenance().containsKey("config"));
        }
    }

    @Test
    void fourConcurrentTrainingsRecordEveryStepAndASigkilledOneShowsStale() throws Exception {
        Path config = writeExperiment();
        String store = dir.resolve("store").toString();
        List<Process> processes = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            processes.add(startLogged(
                    config,
                    "log-" + i,
                    "--store",
                    store,
                    "--model-dir",
                    dir.resolve("m" + i).toString(),
                    "--set",
                    "train.steps=1000",
                    "--set",
                    "run_config.log_step_count_steps=50"));
        }
        for (int i = 0; i < 4; i++) {
            assertTrue(processes.get(i).waitFor(300, TimeUnit.SECONDS), "training " + i + " did not finish");
            assertEquals(0, processes.get(i).exitValue(), log("log-" + i));
        }
        try (ExperimentStore s = ExperimentStore.open(store)) {
            List<RunInfo> runs = s.listRuns("sigterm", false);
            assertEquals(4, runs.size());
            for (RunInfo run : runs) {
                assertEquals(RunStatus.FINISHED, run.status());
                List<Long> steps = s.metricHistory(run.runId(), "train_loss").stream()
                        .map(p -> p.step())
                        .toList();
                List<Long> expected = java.util.stream.LongStream.rangeClosed(1, 20)
                        .map(k -> 50 * k)
                        .boxed()
                        .toList();
                assertEquals(expected, steps, "every logged step of run " + run.runId());
            }
        }

        // SIGKILL: no hook runs, so the run stays RUNNING in the database; its heartbeat ages and it reads STALE.
        Process killed = startLogged(
                config,
                "log-killed",
                "--store",
                store,
                "--model-dir",
                dir.resolve("k").toString());
        String runId = awaitTrainingLoss(store, killed, 5);
        killed.destroyForcibly();
        assertTrue(killed.waitFor(60, TimeUnit.SECONDS));
        Thread.sleep(ExperimentStore.DEFAULT_HEARTBEAT.multipliedBy(3).toMillis() + 2_000);
        try (ExperimentStore s = ExperimentStore.open(store)) {
            RunInfo run = s.findRunInfo(runId).orElseThrow();
            assertEquals(RunStatus.RUNNING, run.status());
            assertEquals(EffectiveStatus.STALE, run.effectiveStatus());
            assertEquals(5, s.listRuns("sigterm", false).size(), "the store opens and queries after the kill");
        }
    }

    /** Waits until the run has logged training loss (it is training), and returns its id. */
    private String awaitTrainingLoss(String store, Process p) throws Exception {
        return awaitTrainingLoss(store, p, 1);
    }

    /** Waits until the {@code runs}-th run has logged training loss, and returns its id. */
    private String awaitTrainingLoss(String store, Process p, int runs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            assertTrue(p.isAlive(), () -> "training exited early:\n" + log());
            assertTrue(System.nanoTime() < deadline, () -> "no training loss recorded in 120 s:\n" + log());
            if (Files.exists(dir.resolve("store.mv.db"))) {
                try (ExperimentStore s = ExperimentStore.open(store)) {
                    List<RunInfo> all = s.listRuns("sigterm", false);
                    for (RunInfo run : all) {
                        if (all.size() == runs
                                && run.status() == RunStatus.RUNNING
                                && !s.metricHistory(run.runId(), "train_loss").isEmpty()) {
                            return run.runId();
                        }
                    }
                }
            }
            Thread.sleep(200);
        }
    }

    private Process start(Path config, String... extra) throws IOException {
        return startLogged(config, "train.log", extra);
    }

    private Process startLogged(Path config, String logName, String... extra) throws IOException {
        Path repoRoot = Path.of(System.getProperty("e4j.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        List<String> command = new java.util.ArrayList<>(
                List.of(repoRoot.resolve("bin/e4j").toString(), "train", "--config", config.toString(), "--no-eval"));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("E4J_JAR");
        pb.environment().put("E4J_JAVA_OPTS", "-Xmx512m");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(logName).toFile());
        return pb.start();
    }

    private String log() {
        return log("train.log");
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private Path writeExperiment() throws IOException {
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder csv = new StringBuilder("color,size,label\n");
        for (int i = 0; i < 5000; i++) {
            double size = r.nextDouble() * 2;
            csv.append(i % 3 == 0 ? "red" : "blue")
                    .append(',')
                    .append(size)
                    .append(',')
                    .append(size > 1 ? "yes" : "no")
                    .append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), csv);
        Path config = dir.resolve("sigterm.json");
        Files.writeString(config, """
                {
                  "data": {"train_files": ["train.csv"], "label": "label", "batch_size": 16, "epochs": 100000},
                  "feature_columns": [
                    {"class_name": "VocabularyListCategoricalColumn",
                     "config": {"key": "color", "vocabulary_list": ["red", "blue"]}},
                    {"class_name": "NumericColumn", "config": {"key": "size"}}
                  ],
                  "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"]},
                  "run_config": {"model_dir": "model", "log_step_count_steps": 100}
                }
                """);
        return config;
    }
}
