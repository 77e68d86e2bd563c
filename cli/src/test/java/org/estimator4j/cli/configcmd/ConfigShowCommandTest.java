package org.estimator4j.cli.configcmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code e4j config show}: the effective config, defaults filled in and --set applied, as JSON or YAML. */
class ConfigShowCommandTest {
    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("experiment.json");
        Files.writeString(config, """
                {
                  "data": {"train_files": ["train.csv"], "label": "label", "eval": {"header": false}},
                  "feature_columns": [{"class_name": "NumericColumn", "config": {"key": "size"}}],
                  "estimator": {"type": "DNNClassifier", "hidden_units": [8]},
                  "run_config": {"model_dir": "model"}
                }
                """);
    }

    @Test
    void printsTheConfigWithDefaultsFilledAndOverridesApplied() throws IOException {
        CliRun r = CliRun.e4j(
                "config",
                "show",
                "--config",
                config.toString(),
                "--set",
                "data.batch_size=64",
                "--set",
                "estimator.dropout=0.25");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        // --set overrides
        assertEquals(64, json.at("/data/batch_size").asInt());
        assertEquals(0.25, json.at("/estimator/dropout").asDouble());
        // defaults the file does not mention
        assertEquals(1, json.at("/data/epochs").asInt());
        assertEquals(10_000, json.at("/data/shuffle_buffer").asInt());
        assertTrue(json.at("/data/header").asBoolean());
        assertEquals(",", json.at("/data/delimiter").asText());
        assertFalse(json.at("/data/eval/header").asBoolean());
        assertEquals("relu", json.at("/estimator/activation").asText());
        assertEquals("adagrad", json.at("/estimator/optimizer/type").asText());
        assertEquals(0.05, json.at("/estimator/optimizer/learning_rate").asDouble());
        assertEquals(2, json.at("/estimator/n_classes").asInt());
        assertEquals(5, json.at("/run_config/keep_checkpoint_max").asInt());
        assertEquals("loss", json.at("/train/best_metric").asText());
        assertEquals("float32", json.at("/feature_columns/0/config/dtype").asText());
        assertEquals("experiment", json.at("/experiment").asText());
        assertFalse(Files.exists(dir.resolve("model")), "config show must not create the model directory");
    }

    @Test
    void yamlOutputAndYamlInputRoundTrip() throws IOException {
        CliRun r = CliRun.e4j("config", "show", "--config", config.toString(), "--format", "yaml");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().startsWith("---"), r.out());
        Path yaml = dir.resolve("experiment.yaml");
        Files.writeString(yaml, r.out());
        CliRun again = CliRun.e4j("config", "show", "--config", yaml.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(new YAMLMapper().readTree(r.out()), new ObjectMapper().readTree(again.out()));
    }

    @Test
    void aBadConfigIsReportedAsTrainWouldReportIt() {
        CliRun r = CliRun.e4j("config", "show", "--config", config.toString(), "--set", "data.epochs=-1");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("experiment.json.data.epochs: -1 is not allowed"), r.err());
    }

    @Test
    void theCompletionScriptIsGeneratedAndKnowsTheSubcommands() {
        CliRun r = CliRun.e4j("generate-completion");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out());
        assertTrue(r.out().contains("complete -F"), "a bash completion function");
        for (String command : new String[] {"train", "evaluate", "predict", "export", "runs", "config", "show"}) {
            assertTrue(r.out().contains(command), command);
        }
        assertTrue(r.out().contains("--set"), "options of subcommands are completed");
    }
}
