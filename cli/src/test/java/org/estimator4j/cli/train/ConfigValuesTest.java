package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Config values out of their valid range, keys given twice and text after the config are refused by {@code e4j
 * train} with one line naming the config path (or file:line:column), before anything is trained or written.
 */
class ConfigValuesTest {
    @TempDir
    Path dir;

    private Path config;

    private static final String CONFIG = """
            {
              "data": {"train_files": ["train.csv"], "eval_files": ["test.csv"], "label": "label",
                       "batch_size": 32, "epochs": 1},
              "feature_columns": [
                {"class_name": "EmbeddingColumn", "config": {"dimension": 2, "categorical_column":
                   {"class_name": "VocabularyListCategoricalColumn",
                    "config": {"key": "color", "vocabulary_list": ["red", "green", "blue"]}}}},
                {"class_name": "NumericColumn", "config": {"key": "size"}}],
              "estimator": {"type": "DNNClassifier", "hidden_units": [4], "label_vocabulary": ["no", "yes"]},
              "run_config": {"model_dir": "model"}
            }
            """;

    @BeforeEach
    void writeDataAndConfig() throws IOException {
        ColorsData.write(dir);
        config = dir.resolve("experiment.json");
        Files.writeString(config, CONFIG);
    }

    private CliRun train(String... sets) {
        return CliRun.trainWithoutEval(config, sets);
    }

    private void assertRefused(CliRun r, String expected) {
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(dir.resolve("model")), "nothing may be written for a refused config");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "data.epochs=-1 | experiment.json.data.epochs: -1 is not allowed; use a positive number of passes",
                "data.epochs=0 | experiment.json.data.epochs: 0 is not allowed",
                "data.epochs=never | experiment.json.data.epochs: \"never\" is not allowed",
                "data.batch_size=0 | experiment.json.data.batch_size: 0 is not allowed; use a positive number of rows",
                "data.epochs=99999999999999999999 | experiment.json.data.epochs: 99999999999999999999 is not allowed",
                "data.shuffle_buffer=3000000000 | experiment.json.data.shuffle_buffer: 3000000000 is not allowed; the "
                        + "largest allowed is 2147483647",
                "data.shuffle_buffer=-5 | experiment.json.data.shuffle_buffer: -5 is not allowed",
                "data.skip_lines=-1 | experiment.json.data.skip_lines: -1 is not allowed",
                "data.delimiter=;; | experiment.json.data.delimiter: \";;\" is not allowed; use a single character",
                "train.steps=0 | experiment.json.train.steps: 0 is not allowed; use a positive number of steps",
                "train.max_steps=-3 | experiment.json.train.max_steps: -3 is not allowed",
                "run_config.save_checkpoints_steps=0 | experiment.json.run_config.save_checkpoints_steps: 0 is not allowed",
                "run_config.keep_checkpoint_max=0 | experiment.json.run_config.keep_checkpoint_max: 0 is not allowed",
                "estimator.dropout=1 | experiment.json.estimator.dropout: 1 is not allowed; use a probability",
                "estimator.dropout=-0.1 | experiment.json.estimator.dropout: -0.1 is not allowed",
                "estimator.hidden_units=[8, 0] | experiment.json.estimator.hidden_units[1]: 0 is not allowed",
                "estimator.n_classes=1 | experiment.json.estimator.n_classes: 1 is not allowed; use 2 or more classes",
                "estimator.optimizer={\"type\": \"adam\", \"learning_rate\": 0} | experiment.json.estimator.optimizer: "
                        + "Adam learning_rate must be > 0, got 0.0",
                "estimator.optimizer={\"learning_rate\": 1e400} | experiment.json.estimator.optimizer.learning_rate: "
                        + "Infinity is not allowed; use a finite number",
                "estimator.optimizer={\"learning_rate\": 1, \"learning_rate\": 2} | --set estimator.optimizer=",
            })
    void outOfRangeValuesAreRefusedNamingTheConfigPath(String set, String expected) {
        CliRun r = train(set.strip());
        assertRefused(r, expected.strip());
        if (set.contains("\"learning_rate\": 2")) {
            assertTrue(r.err().contains("Duplicate field 'learning_rate'"), r.err());
        }
    }

    @Test
    void linearOptimizerRangesAreCheckedWithTheirPath() throws IOException {
        Files.writeString(
                config,
                CONFIG.replace(
                        "\"type\": \"DNNClassifier\", \"hidden_units\": [4]",
                        "\"type\": \"LinearClassifier\", \"optimizer\": {\"learning_rate\": -1}"));
        assertRefused(
                train(),
                "experiment.json.estimator.optimizer.learning_rate: -1 is not allowed; use a "
                        + "positive learning rate");
    }

    @Test
    void epochsForeverRepeatsUntilTheStepsStopTraining() throws IOException {
        CliRun r = train("data.epochs=forever", "train.steps=100");
        assertEquals(0, r.exitCode(), r.err());
        // 2,000 rows at batch 32 are 63 steps an epoch: 100 steps need the repeat.
        assertTrue(Files.isRegularFile(dir.resolve("model/ckpt-100.e4j")), r.out());
    }

    @Test
    void aKeyGivenTwiceIsAnErrorAtItsLineAndColumn() throws IOException {
        Files.writeString(config, CONFIG.replace("\"epochs\": 1}", "\"epochs\": 1, \"epochs\": 3}"));
        assertRefused(train(), "experiment.json:3:51: not valid JSON: Duplicate field 'epochs'");
    }

    @Test
    void textAfterTheConfigIsAnErrorAtItsLineAndColumn() throws IOException {
        Files.writeString(config, CONFIG + "}\n");
        assertRefused(train(), "experiment.json:12:1: text after the end of the config");
    }

    @Test
    void yamlConfigsAreAsStrict() throws IOException {
        config = dir.resolve("experiment.yaml");
        Files.writeString(config, """
                data:
                  train_files: [train.csv]
                  label: label
                  epochs: 1
                  epochs: 2
                feature_columns:
                  - {class_name: NumericColumn, config: {key: size}}
                estimator: {type: LinearClassifier, label_vocabulary: ["no", "yes"]}
                run_config: {model_dir: model}
                """);
        assertRefused(train(), "experiment.yaml:5:9: not valid YAML: Duplicate field 'epochs'");
        Files.writeString(config, """
                data: {train_files: [train.csv], label: label, epochs: -1}
                feature_columns:
                  - {class_name: NumericColumn, config: {key: size}}
                estimator: {type: LinearClassifier, label_vocabulary: ["no", "yes"]}
                run_config: {model_dir: model}
                """);
        assertRefused(train(), "experiment.yaml.data.epochs: -1 is not allowed");
        Files.writeString(config, """
                data: {train_files: [train.csv], label: label, batch_size: 64}
                feature_columns:
                  - {class_name: NumericColumn, config: {key: size}}
                estimator: {type: LinearClassifier, label_vocabulary: ["no", "yes"]}
                run_config: {model_dir: model}
                ---
                data: {}
                """);
        assertRefused(train(), "experiment.yaml:7:1: text after the end of the config");
    }

    @Test
    void aValidConfigStillTrains() throws IOException {
        CliRun r = CliRun.e4j("train", "--config", config.toString(), "--no-eval", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(63, new ObjectMapper().readTree(r.out()).get("global_step").asLong());
    }
}
