package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.tracking.RunStatus;
import org.estimator4j.cli.CliRun;
import org.estimator4j.store.Artifact;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.MetricPoint;
import org.estimator4j.store.Provenance;
import org.estimator4j.store.Run;
import org.estimator4j.store.RunInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code e4j train} records its run in the experiment store: params, metrics, provenance, artifacts, status. */
class TrainRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path config;
    String store;

    @BeforeEach
    void writeDataAndConfig() throws IOException {
        ColorsData.write(dir);
        config = dir.resolve("census-lite.json");
        Files.writeString(config, """
                {
                  "data": {"train_files": ["train.csv"], "eval_files": ["test.csv"], "label": "label",
                           "batch_size": 32, "epochs": 5, "seed": 3},
                  "feature_columns": [
                    {"class_name": "VocabularyListCategoricalColumn",
                     "config": {"key": "color", "vocabulary_list": ["red", "green", "blue"]}},
                    {"class_name": "BucketizedColumn",
                     "config": {"source_column": {"class_name": "NumericColumn", "config": {"key": "size"}},
                                "boundaries": [0.5, 1.0, 1.5]}}
                  ],
                  "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"],
                                "optimizer": {"learning_rate": 0.3}},
                  "run_config": {"model_dir": "model", "save_checkpoints_steps": 100, "log_step_count_steps": 50}
                }
                """);
        store = dir.resolve("store").toString();
    }

    @Test
    void trainRecordsParamsMetricsProvenanceArtifactsAndFinished() throws Exception {
        CliRun r = CliRun.e4j("train", "--config", config.toString(), "--store", store, "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode summary = JSON.readTree(r.out());
        String runId = summary.get("run_id").asText();
        assertTrue(r.err().contains("recording run " + runId + " in experiment 'census-lite'"), r.err());

        try (ExperimentStore s = ExperimentStore.open(store)) {
            Run run = s.getRun(runId);
            assertEquals("census-lite", run.experimentName()); // the config file's base name
            assertEquals(RunStatus.FINISHED, run.status());
            assertNull(run.failure());

            Map<String, String> params = run.params();
            assertEquals("LinearClassifier", params.get("estimator.type"));
            assertEquals("32", params.get("data.batch_size"));
            assertEquals("0.3", params.get("estimator.optimizer.learning_rate"));
            assertEquals("[\"no\",\"yes\"]", params.get("estimator.label_vocabulary"));
            assertEquals("model", params.get("run_config.model_dir"));
            assertFalse(params.keySet().stream().anyMatch(k -> k.startsWith("feature_columns")), params.toString());

            // 2000 rows x 5 epochs / 32 = 313 steps: the loss every 50 steps and at the last step.
            List<MetricPoint> loss = s.metricHistory(runId, "train_loss");
            assertEquals(
                    List.of(50L, 100L, 150L, 200L, 250L, 300L, 313L),
                    loss.stream().map(MetricPoint::step).toList());
            assertTrue(loss.get(loss.size() - 1).value() < loss.get(0).value(), loss.toString());
            assertEquals(summary.at("/metrics/accuracy").asDouble(), run.metric("accuracy"), 1e-12);
            assertEquals(313, run.latestMetrics().get("auc").step());

            Map<String, String> provenance = run.provenance();
            JsonNode recordedConfig = JSON.readTree(provenance.get("config"));
            assertEquals(
                    "LinearClassifier", recordedConfig.at("/estimator/type").asText());
            assertEquals("42", provenance.get("seed"));
            assertEquals("3", provenance.get("data.seed"));
            JsonNode files = JSON.readTree(provenance.get("data.files"));
            assertEquals(2, files.size());
            assertEquals(
                    dir.resolve("train.csv").toString(),
                    files.get(0).get("path").asText());
            assertEquals(
                    Files.size(dir.resolve("train.csv")),
                    files.get(0).get("size_bytes").asLong());
            assertEquals(
                    Provenance.sha256(dir.resolve("train.csv")),
                    files.get(0).get("sha256").asText());
            assertEquals(System.getProperty("java.version"), provenance.get("java.version"));
            assertEquals(System.getProperty("os.arch"), provenance.get("os.arch"));
            assertTrue(provenance.containsKey("host") && provenance.containsKey("user"), provenance.toString());
            assertTrue(provenance.get("library.version").matches("\\d+\\.\\d+.*"), provenance.get("library.version"));
            assertTrue(provenance.get("command").startsWith("train --config "), provenance.get("command"));
            assertFalse(provenance.containsKey("git.commit"), "a temp folder is no git checkout");

            List<String> checkpoints = run.artifacts().stream()
                    .filter(a -> a.kind().equals("checkpoint"))
                    .map(Artifact::path)
                    .toList();
            assertTrue(checkpoints.contains(dir.resolve("model/ckpt-313.e4j").toString()), checkpoints.toString());
            Artifact last = run.artifacts().stream()
                    .filter(a -> a.path().endsWith("ckpt-313.e4j"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(Provenance.sha256(dir.resolve("model/ckpt-313.e4j")), last.sha256());
            assertEquals(dir.resolve("model").toString(), run.tags().get("model_dir"));
        }
    }

    @Test
    void trainAndEvaluateRecordsEachEvaluationAndTheBestBundle() throws Exception {
        CliRun r = CliRun.e4j(
                "train",
                "--config",
                config.toString(),
                "--store",
                store,
                "--format",
                "json",
                "--set",
                "train.eval_every_steps=100",
                "--set",
                "train.best_metric=auc");
        assertEquals(0, r.exitCode(), r.err());
        String runId = JSON.readTree(r.out()).get("run_id").asText();
        try (ExperimentStore s = ExperimentStore.open(store)) {
            Run run = s.getRun(runId);
            assertEquals(RunStatus.FINISHED, run.status());
            assertEquals("100", run.params().get("train.eval_every_steps"));
            List<Long> evaluated = s.metricHistory(runId, "auc").stream()
                    .map(MetricPoint::step)
                    .toList();
            assertEquals(List.of(100L, 200L, 300L, 313L), evaluated);
            assertTrue(
                    run.artifacts().stream()
                            .anyMatch(a -> a.kind().equals("bundle") && a.path().contains("/best/")),
                    run.artifacts().toString());
        }
    }

    @Test
    void aFailingRunIsRecordedFailedWithTheStackTrace() throws Exception {
        // A bad value at the end of the training file, read after ~60 steps with a small shuffle buffer.
        Files.writeString(
                dir.resolve("train.csv"), Files.readString(dir.resolve("train.csv")) + "red,not-a-number,yes\n");
        CliRun r =
                CliRun.e4j("train", "--config", config.toString(), "--store", store, "--set", "data.shuffle_buffer=10");
        assertEquals(1, r.exitCode(), r.err());
        try (ExperimentStore s = ExperimentStore.open(store)) {
            List<RunInfo> runs = s.listRuns("census-lite", false);
            assertEquals(1, runs.size());
            RunInfo run = runs.get(0);
            assertEquals(RunStatus.FAILED, run.status());
            assertTrue(run.failure().contains("not-a-number"), run.failure());
            assertTrue(run.failure().contains("\tat org.estimator4j."), run.failure());
            assertFalse(s.metricHistory(run.runId(), "train_loss").isEmpty(), "it trained before failing");
        }
    }

    @Test
    void configKeysNameTheStoreAndExperimentAndNoStoreRecordsNothing() throws Exception {
        String other = dir.resolve("from-config").toString();
        CliRun r = CliRun.e4j(
                "train",
                "--config",
                config.toString(),
                "--format",
                "json",
                "--set",
                "store=" + other,
                "--set",
                "experiment=colors",
                "--set",
                "train.steps=20",
                "--no-eval");
        assertEquals(0, r.exitCode(), r.err());
        try (ExperimentStore s = ExperimentStore.open(other)) {
            assertEquals(1, s.listRuns("colors", false).size());
        }

        CliRun none = CliRun.e4j(
                "train",
                "--config",
                config.toString(),
                "--store",
                store,
                "--no-store",
                "--format",
                "json",
                "--set",
                "train.steps=20");
        assertEquals(0, none.exitCode(), none.err());
        assertFalse(JSON.readTree(none.out()).has("run_id"));
        assertFalse(Files.exists(dir.resolve("store.mv.db")), "--no-store does not even create the store");
    }

    @Test
    void configParamsAreFlattenedScalars() throws Exception {
        JsonNode c = JSON.readTree("{\"data\": {\"batch_size\": 40, \"na_tokens\": [\"?\"]}, \"estimator\": "
                + "{\"type\": \"DNNClassifier\", \"hidden_units\": [64, 32], \"optimizer\": {\"type\": \"adam\", "
                + "\"learning_rate\": 0.001}, \"weight_column\": null}, \"feature_columns\": [{\"a\": 1}]}");
        assertEquals(
                Map.of(
                        "data.batch_size",
                        "40",
                        "data.na_tokens",
                        "[\"?\"]",
                        "estimator.type",
                        "DNNClassifier",
                        "estimator.hidden_units",
                        "[64,32]",
                        "estimator.optimizer.type",
                        "adam",
                        "estimator.optimizer.learning_rate",
                        "0.001"),
                RunRecording.params(c));
    }
}
