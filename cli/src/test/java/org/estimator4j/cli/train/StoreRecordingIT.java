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

    /** Waits until the run has logged training loss (it is training), and returns its id. */
    private String awaitTrainingLoss(String store, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            assertTrue(p.isAlive(), () -> "training exited early:\n" + log());
            assertTrue(System.nanoTime() < deadline, () -> "no training loss recorded in 120 s:\n" + log());
            if (Files.exists(dir.resolve("store.mv.db"))) {
                try (ExperimentStore s = ExperimentStore.open(store)) {
                    List<RunInfo> runs = s.listRuns("sigterm", false);
                    if (!runs.isEmpty() && !s.metricHistory(runs.get(0).runId(), "train_loss").isEmpty()) {
                        assertEquals(RunStatus.RUNNING, runs.get(0).status());
                        return runs.get(0).runId();
                    }
                }
            }
            Thread.sleep(200);
        }
    }

    private Process start(Path config, String... extra) throws IOException {
        Path repoRoot = Path.of(System.getProperty("e4j.repo.root", "..")).toAbsolutePath().normalize();
        List<String> command = new java.util.ArrayList<>(List.of(repoRoot.resolve("bin/e4j").toString(), "train",
                "--config", config.toString(), "--no-eval"));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("E4J_JAR");
        pb.environment().put("E4J_JAVA_OPTS", "-Xmx512m");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("train.log").toFile());
        return pb.start();
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("train.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private Path writeExperiment() throws IOException {
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder csv = new StringBuilder("color,size,label\n");
        for (int i = 0; i < 5000; i++) {
            double size = r.nextDouble() * 2;
            csv.append(i % 3 == 0 ? "red" : "blue").append(',').append(size).append(',')
                    .append(size > 1 ? "yes" : "no").append('\n');
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
