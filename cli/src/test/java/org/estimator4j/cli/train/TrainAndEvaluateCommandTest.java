package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code e4j train} with {@code train.eval_every_steps}: evaluations during training and the best export. */
class TrainAndEvaluateCommandTest {
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
                           "batch_size": 32, "epochs": 5, "seed": 3},
                  "feature_columns": [
                    {"class_name": "VocabularyListCategoricalColumn",
                     "config": {"key": "color", "vocabulary_list": ["red", "green", "blue"], "dtype": "string",
                                "default_value": -1, "num_oov_buckets": 0}},
                    {"class_name": "BucketizedColumn",
                     "config": {"source_column": {"class_name": "NumericColumn",
                                                  "config": {"key": "size", "shape": [1], "default_value": null,
                                                             "dtype": "float32", "normalizer_fn": null}},
                                "boundaries": [0.5, 1.0, 1.5]}}
                  ],
                  "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"]},
                  "train": {"eval_every_steps": 100},
                  "run_config": {"model_dir": "model"}
                }
                """);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void jsonSummaryListsTheEvaluationsAndTheBestExport() throws IOException {
        CliRun r = CliRun.e4j("train", "--config", config.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(313, json.get("global_step").asLong()); // 2000 rows x 5 epochs / 32

        List<Long> steps = new ArrayList<>();
        long bestStep = -1;
        double bestLoss = Double.MAX_VALUE;
        for (JsonNode e : json.get("evaluations")) {
            long step = e.get("global_step").asLong();
            steps.add(step);
            assertEquals(step, e.at("/metrics/global_step").asLong());
            double loss = e.at("/metrics/loss").asDouble();
            if (loss < bestLoss) {
                bestLoss = loss;
                bestStep = step;
            }
        }
        assertEquals(List.of(100L, 200L, 300L, 313L), steps);
        assertEquals(json.at("/evaluations/3/metrics"), json.get("metrics"), "metrics are the final evaluation's");
        assertTrue(json.at("/metrics/accuracy").asDouble() > 0.97, r.out());

        assertEquals(bestStep, json.at("/best/global_step").asLong());
        assertEquals("loss", json.at("/best/metric").asText());
        assertEquals(false, json.at("/best/higher_is_better").asBoolean());
        Path bestExport = dir.resolve("model/export/best/" + bestStep);
        assertEquals(bestExport.toString(), json.get("best_export").asText());
        assertEquals(List.of(Long.toString(bestStep)), names(dir.resolve("model/export/best")));
        assertTrue(Files.isRegularFile(bestExport.resolve("variables.e4j")));
    }

    @Test
    void tablePrintsOneLinePerEvaluationAndExportDirIsRelativeToTheConfig() throws IOException {
        CliRun r = CliRun.e4j(
                "train",
                "--config",
                config.toString(),
                "--set",
                "train.max_steps=150",
                "--set",
                "train.eval_every_steps=50",
                "--set",
                "train.best_metric=auc",
                "--set",
                "train.export_dir=exports");
        assertEquals(0, r.exitCode(), r.err());
        List<String> progress =
                r.out().lines().filter(l -> l.startsWith("evaluation at step ")).toList();
        assertEquals(3, progress.size(), r.out());
        assertTrue(progress.get(0).startsWith("evaluation at step 50: auc "), r.out());
        assertTrue(progress.get(0).contains("(best so far; exported " + dir.resolve("exports/best/50")), r.out());
        assertTrue(progress.get(2).startsWith("evaluation at step 150: auc "), r.out());
        assertTrue(r.out().contains("best export: " + dir.resolve("exports/best")), r.out());
        assertEquals(1, names(dir.resolve("exports/best")).size());
        assertTrue(Files.isRegularFile(dir.resolve("model/best_export.json")));
    }

    @Test
    void aNonPositiveIntervalIsAConfigError() {
        CliRun r = CliRun.e4j("train", "--config", config.toString(), "--set", "train.eval_every_steps=0");
        assertEquals(1, r.exitCode());
        assertTrue(
                r.err()
                        .contains("experiment.json.train.eval_every_steps: 0 is not allowed; use a positive number "
                                + "of steps"),
                r.err());
    }
}
