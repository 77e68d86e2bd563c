package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors found after rows are shuffled and batched (a bad label, a missing or non-numeric feature value) name the file
 * and line the row was read from, the column and the value, never a position inside a shuffled batch.
 */
class DataErrorLocationTest {
    @TempDir
    Path dir;

    /** A color,size,label file of {@code rows} rows; {@code edit} may replace lines (index 0 is the header). */
    private Path csv(String name, int rows, UnaryOperator<List<String>> edit) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        String[] colors = {"red", "green", "blue"};
        List<String> lines = new ArrayList<>();
        lines.add("color,size,label");
        for (int i = 0; i < rows; i++) {
            String color = colors[r.nextInt(3)];
            double size = r.nextDouble() * 2;
            lines.add(color + "," + size + "," + (color.equals("red") || size > 1.5 ? "yes" : "no"));
        }
        Path file = dir.resolve(name);
        Files.write(file, edit.apply(lines));
        return file;
    }

    /** A shuffled (buffer 10,000, the default), batched training config over {@code train}. */
    private Path config(String train, int batchSize) throws IOException {
        Path config = dir.resolve("experiment-" + train + ".json");
        Files.writeString(config, """
                {
                  "data": {"train_files": ["%s"], "eval_files": ["%s"], "label": "label", "batch_size": %d,
                           "epochs": 2, "seed": 11},
                  "feature_columns": [
                    {"class_name": "VocabularyListCategoricalColumn",
                     "config": {"key": "color", "vocabulary_list": ["red", "green", "blue"], "dtype": "string",
                                "default_value": -1, "num_oov_buckets": 0}},
                    {"class_name": "NumericColumn",
                     "config": {"key": "size", "shape": [1], "default_value": null, "dtype": "float32",
                                "normalizer_fn": null}}
                  ],
                  "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"]},
                  "run_config": {"model_dir": "model-%s", "save_checkpoints_steps": 1000}
                }
                """.formatted(train, train, batchSize, train));
        return config;
    }

    private CliRun train(Path config) {
        return CliRun.e4j("train", "--config", config.toString(), "--no-store", "--no-eval");
    }

    private static List<String> set(List<String> lines, int fileLine, String text) {
        lines.set(fileLine - 1, text);
        return lines;
    }

    @Test
    void aBadLabelNamesItsFileLineColumnAndValueNotItsPlaceInTheShuffledBatch() throws IOException {
        Path file = csv("bad-label.csv", 300, l -> set(l, 5, "red,0.3,maybe"));
        CliRun r = train(config("bad-label.csv", 32));
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(
                r.err().contains(file + ":5: label 'maybe' in column 'label' is not in label_vocabulary [no, yes]"),
                r.err());
        assertFalse(r.err().contains("row "), r.err());
    }

    @Test
    void aMissingNumericValueNamesItsFileAndLine() throws IOException {
        Path file = csv("missing.csv", 300, l -> set(l, 42, "blue,,no"));
        CliRun r = train(config("missing.csv", 32));
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(file + ":42: numeric column 'size' has a missing value"), r.err());
    }

    @Test
    void aNonNumericValueAfterTheInferenceSampleNamesFileLineColumnAndValue() throws IOException {
        // Type inference reads the first 1,000 rows: they make 'size' float32, and line 1,200 is read as such.
        Path file = csv("late-text.csv", 1_300, l -> set(l, 1_200, "green,big,yes"));
        CliRun r = train(config("late-text.csv", 32));
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(file + ":1200:2: cannot read 'big' as float32 for column 'size'"), r.err());
        assertTrue(r.err().contains("declare the column's type (column_types)"), r.err());
        assertFalse(
                r.err().contains("columnType(") || r.err().contains("badRows("), "names no Java method: " + r.err());
    }

    @Test
    void aNonNumericValueThatMadeInferenceChooseStringIsNamedWithItsLine() throws IOException {
        // Within the inference sample the text makes 'size' a string column; one batch holds every row.
        Path file = csv("early-text.csv", 100, l -> set(l, 17, "green,big,yes"));
        CliRun r = train(config("early-text.csv", 128));
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(
                r.err()
                        .contains("needs raw feature 'size' as [float32, float64, int64], but it is string (" + file
                                + ":17 holds 'big', not a number)"),
                r.err());
        assertTrue(r.err().contains("data.column_types"), r.err());
    }
}
