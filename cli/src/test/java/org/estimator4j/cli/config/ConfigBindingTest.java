package org.estimator4j.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The records a config binds to refuse what the hand-written reader refused, with the same messages: wrong types,
 * unknown keys (all of an object's at once), missing keys, each named by its JSON path in the file.
 */
class ConfigBindingTest {
    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("experiment.json");
        Files.writeString(config, """
                {
                  "data": {"train_files": ["train.csv"], "label": "label"},
                  "feature_columns": [{"class_name": "NumericColumn", "config": {"key": "size"}}],
                  "estimator": {"type": "DNNClassifier", "hidden_units": [8]},
                  "run_config": {"model_dir": "model"}
                }
                """);
    }

    private String refused(String... sets) {
        return assertThrows(ConfigException.class, () -> ExperimentConfig.load(config, List.of(sets)))
                .problem();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "data.batch_size=\"64\" | experiment.json.data.batch_size: expected an integer, got \"64\"",
                "data.batch_size=1.5 | experiment.json.data.batch_size: expected an integer, got 1.5",
                "data.label=5 | experiment.json.data.label: expected a string, got 5",
                "data.header=1 | experiment.json.data.header: expected true or false, got 1",
                "data.train_files=train.csv | experiment.json.data.train_files: expected a list of strings, got \"train.csv\"",
                "data.train_files=[\"a.csv\", 3] | experiment.json.data.train_files[1]: expected a string, got 3",
                "data.na_tokens=[null] | experiment.json.data.na_tokens[0]: expected a string, got null",
                "data.eval=[] | experiment.json.data.eval: expected a JSON object",
                "data.column_types={\"size\": \"int8\"} | experiment.json.data.column_types.size: unknown type \"int8\"",
                "estimator.hidden_units=[\"8\"] | experiment.json.estimator.hidden_units[0]: expected an integer, got \"8\"",
                "estimator.dropout=\"0.1\" | experiment.json.estimator.dropout: expected a number, got \"0.1\"",
                "estimator.activation=swish | experiment.json.estimator.activation: unknown activation 'swish'",
                "run_config.seed=99999999999999999999 | experiment.json.run_config.seed: 99999999999999999999 is not "
                        + "allowed; the largest allowed is 9223372036854775807",
                "train.callbacks=[{\"name\": \"x\"}] | experiment.json.train.callbacks[0].type: missing; it is required",
                "run_config={} | experiment.json.run_config.model_dir: missing; it is required",
                "estimator.type=null | experiment.json.estimator.type: missing; it is required",
            })
    void wrongValuesAreRefusedNamingTheirPath(String set, String expected) {
        String message = refused(set.strip());
        assertEquals(
                expected.strip(),
                message.substring(0, Math.min(message.length(), expected.strip().length())),
                message);
    }

    @Test
    void everyUnknownKeyOfAnObjectIsNamedWithTheKeysItTakes() {
        assertEquals(
                "experiment.json.run_config: unknown keys [seeds, model_dirs]; known keys: [keep_checkpoint_max, "
                        + "log_step_count_steps, model_dir, save_checkpoints_secs, save_checkpoints_steps, seed]",
                refused("run_config.seeds=1", "run_config.model_dirs=x"));
        assertEquals(
                "experiment.json: unknown key [estimators]; known keys: [data, dnn_feature_columns, estimator, "
                        + "experiment, feature_columns, linear_feature_columns, plugins, run, run_config, store, train]",
                refused("estimators=1"));
    }

    @Test
    void anEstimatorKeyIsUnknownToATypeThatDoesNotTakeIt() {
        assertEquals(
                "experiment.json.estimator: unknown key [hidden_units]; known keys: [label_vocabulary, loss, "
                        + "loss_reduction, metrics, n_classes, optimizer, sparse_combiner, type, warm_start_from, "
                        + "weight_column]",
                refused("estimator.type=LinearClassifier"));
    }

    @Test
    void theEffectiveConfigKeepsFloatsBitForBit() {
        double rate = 0.1 + 0.2; // 0.30000000000000004: no shortest-decimal rounding on the way
        ExperimentConfig c = ExperimentConfig.load(
                config,
                List.of(
                        "estimator.optimizer={\"learning_rate\": " + rate + "}",
                        "estimator.dropout=" + Math.nextUp(0.25)));
        assertEquals(
                rate, c.effectiveJson().at("/estimator/optimizer/learning_rate").doubleValue());
        assertEquals(
                Math.nextUp(0.25), c.effectiveJson().at("/estimator/dropout").doubleValue());
    }
}
