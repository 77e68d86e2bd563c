package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.estimator4j.api.tracking.RunStatus;
import org.estimator4j.estimators.checkpoint.Checkpoints;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) to a real {@code bin/e4j train} process in the middle of training: it stops at the next step, saves
 * a checkpoint of that step, ends its run KILLED, says so, and exits 130.
 */
class CtrlCDuringTrainingIT {
    private static final Pattern INTERRUPTED = Pattern.compile(
            "interrupted \\(Ctrl-C\\) at global step ([\\d,]+): its checkpoint is saved in (.+); run ([0-9a-f]{32}) "
                    + "in experiment 'ctrlc' \\(.+\\) is marked KILLED");

    @TempDir
    Path dir;

    @Test
    void ctrlCSavesAFinalCheckpointAndMarksTheRunKilled() throws Exception {
        Path config = writeExperiment();
        String store = dir.resolve("store").toString();
        Process p = start(config, "--store", store);
        awaitProgressLine(p);
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid()))
                .inheritIO()
                .start();
        assertEquals(0, kill.waitFor(), "kill -INT " + p.pid());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), () -> "e4j train did not stop after Ctrl-C:\n" + err());
        assertEquals(TrainCommand.EXIT_INTERRUPTED, p.exitValue(), err());

        String err = err();
        assertTrue(err.contains("interrupted: stopping at the next step and saving a checkpoint"), err);
        Matcher said = INTERRUPTED.matcher(err);
        assertTrue(said.find(), err);
        long step = Long.parseLong(said.group(1).replace(",", ""));
        assertEquals(dir.resolve("model").toString(), said.group(2));
        assertEquals(
                step,
                new Checkpoints(dir.resolve("model"), 5).latest().orElseThrow().globalStep(),
                "the checkpoint of the step training stopped at");
        try (ExperimentStore s = ExperimentStore.open(store)) {
            Run run = s.getRun(said.group(3));
            assertEquals(RunStatus.KILLED, run.status());
            assertTrue(run.failure().contains("interrupted (Ctrl-C) at global step " + step), run.failure());
            assertTrue(
                    run.artifacts().stream().anyMatch(a -> a.path().endsWith("ckpt-" + step + ".e4j")),
                    run.artifacts().toString());
        }
    }

    /** Waits for the first plain progress line: training is under way. */
    private void awaitProgressLine(Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (err().lines().noneMatch(l -> l.startsWith("step "))) {
            assertTrue(p.isAlive(), () -> "training exited early:\n" + err());
            assertTrue(System.nanoTime() < deadline, () -> "no progress line in 120 s:\n" + err());
            Thread.sleep(100);
        }
    }

    /**
     * bin/e4j train, through perl where there is one to give SIGINT its default disposition back: a process started
     * in the background of a non-interactive shell (as a build may be) ignores SIGINT, and so would its children.
     */
    private Process start(Path config, String... extra) throws IOException {
        Path repoRoot = Path.of(System.getProperty("e4j.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/perl"))) {
            command.addAll(List.of("/usr/bin/perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!"));
        }
        command.addAll(
                List.of(repoRoot.resolve("bin/e4j").toString(), "train", "--config", config.toString(), "--no-eval"));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("E4J_JAR");
        pb.environment().put("E4J_JAVA_OPTS", "-Xmx512m");
        pb.redirectOutput(dir.resolve("train.out").toFile());
        pb.redirectError(dir.resolve("train.err").toFile());
        return pb.start();
    }

    private String err() {
        try {
            return Files.readString(dir.resolve("train.err"));
        } catch (IOException e) {
            return "(no stderr)";
        }
    }

    private Path writeExperiment() throws IOException {
        StringBuilder csv = new StringBuilder("color,size,label\n");
        for (int i = 0; i < 3000; i++) {
            double size = (i * 7 % 200) / 100.0;
            csv.append(i % 3 == 0 ? "red" : "blue")
                    .append(',')
                    .append(size)
                    .append(',')
                    .append(size > 1 ? "yes" : "no")
                    .append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), csv);
        Path config = dir.resolve("ctrlc.json");
        Files.writeString(config, """
                {
                  "data": {"train_files": ["train.csv"], "label": "label", "batch_size": 16, "epochs": 100000},
                  "feature_columns": [
                    {"class_name": "VocabularyListCategoricalColumn",
                     "config": {"key": "color", "vocabulary_list": ["red", "blue"]}},
                    {"class_name": "NumericColumn", "config": {"key": "size"}}
                  ],
                  "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"]},
                  "run_config": {"model_dir": "model", "log_step_count_steps": 100,
                                 "save_checkpoints_steps": 1000000}
                }
                """);
        return config;
    }
}
