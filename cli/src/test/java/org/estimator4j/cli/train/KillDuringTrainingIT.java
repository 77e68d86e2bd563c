package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.estimator4j.estimators.checkpoint.Checkpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code bin/e4j train} (a wide-and-deep model) with SIGKILL at random moments after its first checkpoint, 20
 * times, and checks after every kill that the latest checkpoint loads and that the next run resumes from it; then
 * lets training finish.
 */
class KillDuringTrainingIT {
    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void sigkillNeverLeavesAnUnloadableLatestCheckpoint() throws Exception {
        Path repoRoot = Path.of(System.getProperty("e4j.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path config = writeExperiment();
        Path modelDir = dir.resolve("model");
        SplittableRandom random = new SplittableRandom(2026);
        long previousStep = 0;
        int killedWithCheckpoints = 0;
        for (int i = 0; i < KILLS; i++) {
            Process p = start(repoRoot, config);
            // Random moments after training is under way: on a loaded machine the JVM alone can take a second to
            // start, so wait for the first checkpoint before the random delay rather than guessing.
            awaitFirstCheckpoint(modelDir, p);
            Thread.sleep(random.nextInt(1500));
            p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed process did not exit");
            Optional<Checkpoints.Checkpoint> latest = new Checkpoints(modelDir, 3).latest(); // throws if damaged
            if (latest.isPresent()) {
                long step = latest.get().globalStep();
                assertTrue(
                        step >= previousStep,
                        "kill " + i + ": step went back from " + previousStep + " to " + step
                                + " (training did not resume from the latest checkpoint)");
                previousStep = step;
                killedWithCheckpoints++;
            }
        }
        assertEquals(KILLS, killedWithCheckpoints, "every kill happens after the first checkpoint");
        assertTrue(previousStep > 0);

        Process finish = start(repoRoot, config, "--set", "train.max_steps=" + (previousStep + 2000));
        assertTrue(finish.waitFor(120, TimeUnit.SECONDS), "the final run did not finish");
        assertEquals(0, finish.exitValue(), Files.readString(dir.resolve("train.log")));
        long finalStep = new Checkpoints(modelDir, 3).latest().orElseThrow().globalStep();
        assertEquals(
                previousStep + 2000, finalStep, "the final run resumes at the last checkpoint and stops at max_steps");
        try (var files = Files.list(modelDir)) {
            List<String> partial = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".partial"))
                    .toList();
            assertEquals(List.of(), partial, "a finished run leaves no partial checkpoint files");
        }
    }

    private static void awaitFirstCheckpoint(Path modelDir, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (new Checkpoints(modelDir, 3).latestStep() == 0) {
            assertTrue(p.isAlive(), "training exited before its first checkpoint");
            assertTrue(System.nanoTime() < deadline, "no checkpoint within 120 s");
            Thread.sleep(20);
        }
    }

    private Process start(Path repoRoot, Path config, String... extra) throws IOException {
        List<String> command = new java.util.ArrayList<>(
                List.of(repoRoot.resolve("bin/e4j").toString(), "train", "--config", config.toString(), "--no-eval"));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("E4J_JAR");
        pb.environment().put("E4J_JAVA_OPTS", "-Xmx512m");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("train.log").toFile());
        Process p = pb.start();
        return p;
    }

    private Path writeExperiment() throws IOException {
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder csv = new StringBuilder("user,item,label\n");
        for (int i = 0; i < 20_000; i++) {
            long u = r.nextInt(5000);
            long it = r.nextInt(500);
            csv.append('u')
                    .append(u)
                    .append(",i")
                    .append(it)
                    .append(',')
                    .append((u + it) % 3 == 0 ? 1 : 0)
                    .append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), csv);
        Path config = dir.resolve("experiment.json");
        // Wide and deep, so both the linear part's and the DNN's variables are checkpointed; big hash buckets and
        // embedding tables make each checkpoint ~20 MB, so kills land inside writes too.
        Files.writeString(config, """
                {
                  "data": {"train_files": ["train.csv"], "label": "label", "batch_size": 64, "epochs": 200},
                  "linear_feature_columns": [
                    {"class_name": "HashedCategoricalColumn",
                     "config": {"key": "user", "hash_bucket_size": 200000, "dtype": "string"}},
                    {"class_name": "HashedCategoricalColumn",
                     "config": {"key": "item", "hash_bucket_size": 200000, "dtype": "string"}}
                  ],
                  "dnn_feature_columns": [
                    {"class_name": "EmbeddingColumn", "config": {"dimension": 8, "categorical_column":
                      {"class_name": "HashedCategoricalColumn",
                       "config": {"key": "user", "hash_bucket_size": 200000, "dtype": "string"}}}},
                    {"class_name": "EmbeddingColumn", "config": {"dimension": 8, "categorical_column":
                      {"class_name": "HashedCategoricalColumn",
                       "config": {"key": "item", "hash_bucket_size": 200000, "dtype": "string"}}}}
                  ],
                  "estimator": {"type": "DNNLinearCombinedClassifier", "dnn_hidden_units": [32, 16]},
                  "train": {"max_steps": 100000000},
                  "run_config": {"model_dir": "model", "save_checkpoints_steps": 500, "keep_checkpoint_max": 3,
                                 "log_step_count_steps": 100000}
                }
                """);
        return config;
    }
}
