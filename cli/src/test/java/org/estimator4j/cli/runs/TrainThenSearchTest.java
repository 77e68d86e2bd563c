package org.estimator4j.cli.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: runs that {@code e4j train} records are found, compared and plotted by {@code e4j runs}. */
class TrainThenSearchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void trainedRunsAreSearchableByTheirConfigAndMetrics() throws Exception {
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder csv = new StringBuilder("color,size,label\n");
        for (int i = 0; i < 1000; i++) {
            String color = new String[] {"red", "green", "blue"}[r.nextInt(3)];
            double size = r.nextDouble() * 2;
            csv.append(color)
                    .append(',')
                    .append(size)
                    .append(',')
                    .append(color.equals("red") || size > 1.5 ? "yes" : "no")
                    .append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), csv);
        Path config = dir.resolve("lite.json");
        Files.writeString(config, """
                {
                  "data": {"train_files": ["train.csv"], "eval_files": ["train.csv"], "label": "label",
                           "batch_size": 32, "epochs": 2, "seed": 3},
                  "feature_columns": [
                    {"class_name": "VocabularyListCategoricalColumn",
                     "config": {"key": "color", "vocabulary_list": ["red", "green", "blue"]}},
                    {"class_name": "NumericColumn", "config": {"key": "size"}}
                  ],
                  "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"],
                                "optimizer": {"learning_rate": 0.3}},
                  "run_config": {"model_dir": "model", "log_step_count_steps": 20}
                }
                """);
        String store = dir.resolve("store").toString();
        List<String> ids = new ArrayList<>();
        for (String lr : new String[] {"0.3", "0.01"}) {
            CliRun train = CliRun.e4j(
                    "train",
                    "--config",
                    config.toString(),
                    "--store",
                    store,
                    "--format",
                    "json",
                    "--set",
                    "estimator.optimizer.learning_rate=" + lr,
                    "--model-dir",
                    dir.resolve("m" + lr).toString());
            assertEquals(0, train.exitCode(), train.err());
            ids.add(JSON.readTree(train.out()).get("run_id").asText());
        }

        CliRun search = CliRun.e4j(
                "runs",
                "search",
                "--store",
                store,
                "--format",
                "json",
                "--order-by",
                "params.estimator.optimizer.learning_rate DESC",
                "attributes.experiment = 'lite' AND (params.estimator.optimizer.learning_rate = '0.3'"
                        + " OR params.estimator.optimizer.learning_rate = '0.01') AND metrics.train_loss > 0");
        assertEquals(0, search.exitCode(), search.err());
        JsonNode runs = JSON.readTree(search.out()).get("runs");
        assertEquals(2, runs.size(), search.out());
        assertEquals(ids.get(0), runs.get(0).get("run_id").asText(), "'0.3' sorts after '0.01'");
        assertEquals("FINISHED", runs.get(0).get("status").asText());
        assertTrue(runs.get(1).get("metrics").has("accuracy"), search.out());

        CliRun compare = CliRun.e4j("runs", "compare", ids.get(0), ids.get(1), "--store", store);
        assertEquals(0, compare.exitCode(), compare.err());
        assertTrue(
                compare.out()
                        .lines()
                        .anyMatch(l -> l.matches("\\* +params\\.estimator\\.optimizer\\.learning_rate +0\\.3 +0\\.01")),
                compare.out());
        assertTrue(
                compare.out().lines().anyMatch(l -> l.matches(" +params\\.data\\.batch_size +32 +32")), compare.out());

        Path png = dir.resolve("loss.png");
        CliRun plot = CliRun.e4j(
                "runs", "plot", ids.get(1).substring(0, 12), "train_loss", "--out", png.toString(), "--store", store);
        assertEquals(0, plot.exitCode(), plot.err());
        assertTrue(Files.size(png) > 1000);
    }
}
