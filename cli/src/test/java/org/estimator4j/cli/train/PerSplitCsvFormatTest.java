package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A train file with a header beside an eval file without one (and with another delimiter): {@code data.eval.*}
 * overrides {@code data.*} for the eval files only, through {@code e4j train} and {@code e4j evaluate}.
 */
class PerSplitCsvFormatTest {
    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeData() throws IOException {
        ColorsData.write(dir);
        // test.csv without its header line, semicolon-separated, "?" for a missing size.
        List<String> lines = Files.readAllLines(dir.resolve("test.csv"));
        StringBuilder eval = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            eval.append(line.replace(',', ';')).append('\n');
        }
        Files.writeString(dir.resolve("test-noheader.csv"), eval);
        config = dir.resolve("experiment.json");
    }

    private void writeConfig(String evalSection) throws IOException {
        Files.writeString(config, """
                {
                  "data": {"train_files": ["train.csv"], "eval_files": ["test-noheader.csv"], "label": "label",
                           "batch_size": 32, "epochs": 3, "na_tokens": ["", "?"]%s},
                  "feature_columns": [
                    {"class_name": "VocabularyListCategoricalColumn",
                     "config": {"key": "color", "vocabulary_list": ["red", "green", "blue"]}},
                    {"class_name": "BucketizedColumn", "config": {"source_column": {"class_name": "NumericColumn",
                       "config": {"key": "size"}}, "boundaries": [0.5, 1.0, 1.5]}}
                  ],
                  "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"]},
                  "run_config": {"model_dir": "model"}
                }
                """.formatted(evalSection));
    }

    @Test
    void evalFilesWithoutAHeaderAreDescribedUnderDataEval() throws IOException {
        writeConfig(", \"eval\": {\"header\": false, \"column_names\": [\"color\", \"size\", \"label\"], "
                + "\"delimiter\": \";\"}");
        CliRun train = CliRun.e4j("train", "--config", config.toString(), "--format", "json");
        assertEquals(0, train.exitCode(), train.err());
        JsonNode trained = new ObjectMapper().readTree(train.out());
        assertTrue(trained.at("/metrics/accuracy").asDouble() > 0.95, train.out());

        CliRun eval = CliRun.e4j("evaluate", "--config", config.toString(), "--format", "json");
        assertEquals(0, eval.exitCode(), eval.err());
        JsonNode metrics = new ObjectMapper().readTree(eval.out());
        assertTrue(metrics.get("accuracy").asDouble() > 0.95, eval.out());
    }

    @Test
    void withoutTheEvalSectionTheEvalFilesAreReadWithTheTrainFormat() throws IOException {
        writeConfig("");
        CliRun train = CliRun.e4j("train", "--config", config.toString(), "--format", "json");
        assertNotEquals(0, train.exitCode(), train.out());
    }

    @Test
    void anEvalSectionWithoutAHeaderNeedsColumnNamesBeforeTrainingStarts() throws IOException {
        writeConfig(", \"eval\": {\"header\": false, \"delimiter\": \";\"}");
        CliRun r = CliRun.e4j("train", "--config", config.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(
                r.err()
                        .contains("experiment.json.data.eval.header: false needs the column names; give "
                                + "experiment.json.data.eval.column_names"),
                r.err());
        assertTrue(Files.notExists(dir.resolve("model")), "refused before training");
    }

    @Test
    void anUnknownKeyInASplitSectionIsNamedWithTheKeysItTakes() throws IOException {
        writeConfig(", \"train\": {\"headers\": false}");
        CliRun r = CliRun.e4j("train", "--config", config.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(
                r.err()
                        .contains(
                                "experiment.json.data.train: unknown key [headers]; known keys: [column_names, "
                                        + "column_types, delimiter, header, na_tokens, parsing_threads, quote, skip_lines, trim_whitespace]"),
                r.err());
    }
}
