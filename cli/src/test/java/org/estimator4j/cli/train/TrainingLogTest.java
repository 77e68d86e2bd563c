package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code e4j train} tells on stderr while it trains (the library logs through SLF4J; the CLI's provider prints
 * it): progress lines, a warning when the loss runs away, and the truth about checkpoints when it turns NaN.
 */
class TrainingLogTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeData() throws IOException {
        ColorsData.write(dir);
    }

    /** A linear classifier on the color and the raw size, FTRL at {@code learningRate}, on {@code trainFile}. */
    private Path config(String name, String trainFile, String learningRate) throws IOException {
        Path config = dir.resolve(name + ".json");
        Files.writeString(config, """
                {
                  "data": {"train_files": ["%s"], "eval_files": ["test.csv"], "label": "label",
                           "batch_size": 32, "epochs": 5, "seed": 3},
                  "feature_columns": [
                    {"class_name": "VocabularyListCategoricalColumn",
                     "config": {"key": "color", "vocabulary_list": ["red", "green", "blue"], "dtype": "string",
                                "default_value": -1, "num_oov_buckets": 0}},
                    {"class_name": "NumericColumn", "config": {"key": "size", "shape": [1], "default_value": null,
                                                               "dtype": "float32", "normalizer_fn": null}}
                  ],
                  "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"],
                                "optimizer": {"type": "ftrl", "learning_rate": %s}},
                  "run_config": {"model_dir": "%s", "save_checkpoints_steps": 1000}
                }
                """.formatted(trainFile, learningRate, name));
        return config;
    }

    /** The command's result, with everything written to System.err (where the CLI's logging goes) in {@code err}. */
    private static CliRun trainCapturingStderr(Path config) {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        CliRun r;
        try {
            r = CliRun.e4j("train", "--config", config.toString(), "--no-store");
        } finally {
            System.setErr(saved);
        }
        return new CliRun(r.exitCode(), r.out(), captured.toString(StandardCharsets.UTF_8) + r.err());
    }

    @Test
    void progressLinesAppearAndALearningRunHasNoWarning() throws IOException {
        CliRun r = trainCapturingStderr(config("normal", "train.csv", "0.2"));
        assertEquals(0, r.exitCode(), r.err());
        // The console's progress lines, and not the library's own (DEBUG) lines saying the same again.
        assertTrue(r.err().lines().anyMatch(l -> l.matches("step 100/\\d+ .*examples/s  loss \\d+\\.\\d+")), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("step 300/")), r.err());
        assertFalse(r.err().contains("DEBUG"), r.err());
        assertFalse(r.err().contains("diverging"), r.err());
        assertFalse(r.err().contains("WARN"), r.err());
    }

    @Test
    void aLossThatRunsAwayIsWarnedAbout() throws IOException {
        // FTRL at learning rate 1e6: the loss jumps from 0.69 to thousands and stays there; the run still ends.
        CliRun r = trainCapturingStderr(config("diverging", "train.csv", "1e6"));
        assertEquals(0, r.exitCode(), r.err());
        String warning = r.err()
                .lines()
                .filter(l -> l.contains("training is diverging"))
                .findFirst()
                .orElse(null);
        assertTrue(warning != null && warning.startsWith("WARN "), r.err());
        assertTrue(warning.contains("more than 10 times the loss at step 1"), warning);
        assertTrue(warning.contains("lower the learning rate"), warning);
        assertEquals(1, r.err().lines().filter(l -> l.contains("diverging")).count(), "warned once: " + r.err());
    }

    @Test
    void aNaNLossBeforeTheFirstCheckpointSaysNoneWasWritten() throws IOException {
        // Sizes of 3e38 (finite floats) and a learning rate of 1e6 overflow the weights at the first step.
        String train = Files.readString(dir.resolve("train.csv")).replaceAll("(?m)^(\\w+),[0-9.E-]+,", "$1,3e38,");
        Files.writeString(dir.resolve("huge.csv"), train);
        CliRun r = trainCapturingStderr(config("nan", "huge.csv", "1e6"));
        assertEquals(1, r.exitCode(), r.err());
        String error = r.err()
                .lines()
                .filter(l -> l.startsWith("e4j train failed: "))
                .findFirst()
                .orElse("");
        assertTrue(error.contains("the training loss became NaN at step 2"), r.err());
        assertTrue(error.contains("no checkpoint was written yet"), error);
        assertFalse(error.contains("intact"), error);
        assertTrue(error.contains("lower the learning rate"), error);
        assertFalse(Files.exists(dir.resolve("nan/ckpt-1.e4j")), "no checkpoint of overflowed weights");
    }
}
