package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The non-finite policy through e4j: NaN, infinities and numbers beyond float32 in a numeric feature are refused in
 * train, evaluate and predict, naming file:line:column and the text; a default_value replaces only missing values.
 */
class NonFiniteInputTest {
    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeDataAndConfig() throws IOException {
        ColorsData.write(dir);
        config = dir.resolve("experiment.json");
        Files.writeString(config, """
                {
                  "data": {"train_files": ["train.csv"], "eval_files": ["test.csv"], "label": "label",
                           "column_types": {"size": "float32"}, "batch_size": 32, "epochs": 1, "seed": 3},
                  "feature_columns": [
                    {"class_name": "VocabularyListCategoricalColumn",
                     "config": {"key": "color", "vocabulary_list": ["red", "green", "blue"], "dtype": "string",
                                "default_value": -1, "num_oov_buckets": 0}},
                    {"class_name": "NumericColumn",
                     "config": {"key": "size", "shape": [1], "default_value": 0.5, "dtype": "float32",
                                "normalizer_fn": null}}
                  ],
                  "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"]},
                  "run_config": {"model_dir": "model", "save_checkpoints_steps": 1000}
                }
                """);
    }

    /** {@code name}: a copy of {@code from} with file line {@code line} (1-based) having size {@code size}. */
    private Path withSize(String from, String name, int line, String size) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve(from)));
        String[] fields = lines.get(line - 1).split(",");
        lines.set(line - 1, fields[0] + "," + size + "," + fields[2]);
        Path p = dir.resolve(name);
        Files.write(p, lines);
        return p;
    }

    private static CliRun e4j(String... args) {
        return CliRun.e4j(args);
    }

    @Test
    void trainRefusesNaNInfinityAndOverflowEvenWithADefaultValue() throws IOException {
        for (String bad : List.of("NaN", "Infinity", "-Infinity", "1e400")) {
            withSize("train.csv", "train.csv", 7, bad);
            CliRun r = e4j("train", "--config", config.toString(), "--no-store", "--no-eval");
            assertEquals(1, r.exitCode(), r.err());
            assertTrue(
                    r.err()
                            .contains(dir.resolve("train.csv") + ":7:2: '" + bad + "' in column 'size' is not a "
                                    + "finite float32 number"),
                    r.err());
            assertFalse(r.out().contains("accuracy"), r.out());
        }
    }

    @Test
    void aMissingValueTakesTheDefaultValue() throws IOException {
        withSize("train.csv", "train.csv", 7, "");
        CliRun r = e4j("train", "--config", config.toString(), "--no-store", "--no-eval");
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void evaluateAndPredictRefuseThemTooAndReportNoMetrics() throws IOException {
        assertEquals(
                0,
                e4j("train", "--config", config.toString(), "--no-store", "--no-eval")
                        .exitCode());
        Path test = withSize("test.csv", "test.csv", 12, "NaN");
        CliRun eval = e4j("evaluate", "--config", config.toString());
        assertEquals(1, eval.exitCode(), eval.err());
        assertTrue(
                eval.err().contains(test + ":12:2: 'NaN' in column 'size' is not a finite float32 number"), eval.err());
        assertFalse(eval.out().contains("accuracy"), eval.out());

        Path input = dir.resolve("new.csv");
        Files.writeString(input, "color,size\nred,0.1\nblue,1e39\n");
        CliRun predict = e4j("predict", "--config", config.toString(), "--input", input.toString());
        assertEquals(1, predict.exitCode(), predict.err());
        assertTrue(
                predict.err().contains(input + ":3:2: '1e39' in column 'size' is not a finite float32 number"),
                predict.err());
    }
}
