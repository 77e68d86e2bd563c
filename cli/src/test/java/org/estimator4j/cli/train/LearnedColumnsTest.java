package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.estimator4j.cli.CliRun;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.json.FeatureColumnJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feature columns that learn from data (a learned vocabulary, a learned normalizer, quantile buckets) through the
 * CLI: {@code e4j train} learns their state in one pass before step 1 and keeps it in the model, so evaluate, export,
 * predict and a resumed train use that state, even after the data changed; {@code e4j features adapt} writes
 * adapted columns that {@code features inspect} reads.
 */
class LearnedColumnsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = """
            [{"class_name": "VocabularyListCategoricalColumn",
              "config": {"key": "color", "vocabulary_list": [], "learn": {"min_frequency": 5}}},
             {"class_name": "NumericColumn",
              "config": {"key": "weight", "normalizer": {"kind": "standardize", "learned": true}}},
             {"class_name": "BucketizedColumn",
              "config": {"source_column": {"class_name": "NumericColumn", "config": {"key": "size"}},
                         "boundaries": [], "quantile_buckets": 4}}]
            """;

    @TempDir
    Path dir;

    Path config;

    @BeforeEach
    void writeExperiment() throws Exception {
        writeData(dir.resolve("train.csv"), 2000, List.of("red", "green", "blue"), 1);
        writeData(dir.resolve("test.csv"), 300, List.of("red", "green", "blue"), 2);
        config = dir.resolve("learned.json");
        Files.writeString(config, """
                {
                  "data": {"train_files": ["train.csv"], "eval_files": ["test.csv"], "label": "label",
                           "batch_size": 50, "epochs": 2},
                  "feature_columns": %s,
                  "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"]},
                  "run_config": {"model_dir": "model"}
                }
                """.formatted(COLUMNS));
    }

    /** Label "yes" when the color is red or the size is above 1.5; weight is noise around 50. */
    private static void writeData(Path file, int rows, List<String> colors, long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("color,size,weight,label\n");
        for (int i = 0; i < rows; i++) {
            String color = colors.get(r.nextInt(colors.size()));
            double size = r.nextDouble() * 2;
            csv.append(color)
                    .append(',')
                    .append(size)
                    .append(',')
                    .append(40 + r.nextDouble() * 20)
                    .append(',')
                    .append(color.equals("red") || size > 1.5 ? "yes" : "no")
                    .append('\n');
        }
        Files.writeString(file, csv);
    }

    private CliRun e4j(String... args) {
        CliRun run = CliRun.e4j(args);
        assertEquals(0, run.exitCode(), String.join(" ", args) + "\n" + run.err());
        return run;
    }

    @Test
    void trainLearnsTheStateOnceAndEveryCommandUsesIt() throws Exception {
        CliRun train = e4j("train", "--config", config.toString(), "--no-store", "--format", "json");
        assertTrue(
                train.err().contains("learned their state in one pass over the train files (2,000 rows"), train.err());
        assertTrue(JSON.readTree(train.out()).get("metrics").get("accuracy").asDouble() > 0.9, train.out());
        Path description = dir.resolve("model/estimator.json");
        String learned = Files.readString(description);
        List<FeatureColumn> columns =
                FeatureColumnJson.fromJson(JSON.readTree(learned).get("feature_columns"));
        assertTrue(columns.stream().allMatch(FeatureColumn::isAdapted), learned);
        JsonNode vocabulary = JSON.readTree(learned)
                .get("feature_columns")
                .get(0)
                .get("config")
                .get("vocabulary_list");
        assertEquals(
                List.of("blue", "green", "red"),
                java.util.stream.StreamSupport.stream(vocabulary.spliterator(), false)
                        .map(JsonNode::asText)
                        .sorted()
                        .toList());

        // Other data now: a resumed run keeps the state its checkpoints were trained with.
        writeData(dir.resolve("train.csv"), 2000, List.of("purple", "orange"), 3);
        CliRun resumed =
                e4j("train", "--config", config.toString(), "--no-store", "--no-eval", "--set", "data.epochs=1");
        assertTrue(resumed.err().contains("using the state they learned when model_dir"), resumed.err());
        assertEquals(learned, Files.readString(description), "a resume does not re-learn the state");

        CliRun evaluate = e4j("evaluate", "--config", config.toString(), "--format", "json");
        assertTrue(JSON.readTree(evaluate.out()).get("auc").asDouble() > 0.9, evaluate.out());
        e4j(
                "export",
                "--config",
                config.toString(),
                "--dir",
                dir.resolve("export").toString());
        Path bundle;
        try (var steps = Files.list(dir.resolve("export"))) {
            bundle = steps.findFirst().orElseThrow();
        }
        assertEquals(
                JSON.readTree(learned).get("feature_columns"),
                JSON.readTree(Files.readString(bundle.resolve("model.json"))).get("feature_columns"));
        String fromCheckpoint = e4j(
                        "predict",
                        "--config",
                        config.toString(),
                        "--input",
                        dir.resolve("test.csv").toString())
                .out();
        String fromBundle = e4j(
                        "predict",
                        "--config",
                        config.toString(),
                        "--bundle",
                        bundle.toString(),
                        "--input",
                        dir.resolve("test.csv").toString())
                .out();
        assertEquals(300, fromCheckpoint.lines().count());
        assertEquals(fromCheckpoint, fromBundle);
    }

    @Test
    void adaptWritesColumnsThatInspectReads() throws Exception {
        Path columns = dir.resolve("columns.json");
        Files.writeString(columns, COLUMNS);
        Path rows = dir.resolve("rows.jsonl");
        Files.writeString(rows, """
                {"color": "red", "size": 0.2, "weight": 50}
                {"color": "red", "size": 1.9, "weight": 45}
                {"color": "blue", "size": 1.1, "weight": 55}
                """);

        CliRun notAdapted =
                CliRun.e4j("features", "inspect", "--columns", columns.toString(), "--input", rows.toString());
        assertEquals(1, notAdapted.exitCode());
        assertTrue(
                notAdapted.err().contains("column 'color' in " + columns + " learns its state from data")
                        && notAdapted.err().contains("e4j features adapt"),
                notAdapted.err());
        assertFalse(notAdapted.err().matches("(?s).*\\w+\\.\\w+\\(.*"), "names no Java method: " + notAdapted.err());

        Path adapted = dir.resolve("adapted.json");
        e4j(
                "features",
                "adapt",
                "--columns",
                columns.toString(),
                "--input",
                dir.resolve("train.csv").toString(),
                "--out",
                adapted.toString());
        List<FeatureColumn> read = FeatureColumnJson.read(adapted);
        assertTrue(read.stream().allMatch(FeatureColumn::isAdapted));
        JsonNode inspected = JSON.readTree(e4j(
                        "features",
                        "inspect",
                        "--columns",
                        adapted.toString(),
                        "--input",
                        rows.toString(),
                        "--format",
                        "json")
                .out()
                .lines()
                .findFirst()
                .orElseThrow());
        assertTrue(inspected.toString().contains("size_bucketized"), inspected.toString());

        // From the config: the same state e4j train would learn (before any training).
        String fromConfig =
                e4j("features", "adapt", "--config", config.toString()).out();
        assertEquals(JSON.readTree(Files.readString(adapted)), JSON.readTree(fromConfig));
    }
}
