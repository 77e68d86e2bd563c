package org.estimator4j.cli.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.estimator4j.cli.CliRun;

/**
 * Runs recorded the way users record them: the real {@code e4j train} command (no run name, no tags) on a small CSV,
 * into an H2 store in a test's folder.
 */
public final class TrainedRuns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Path config;

    /** Writes a 300-row data set and a linear config into {@code dir}. */
    public TrainedRuns(Path dir) throws IOException {
        this.dir = dir;
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder csv = new StringBuilder("color,size,label\n");
        for (int i = 0; i < 300; i++) {
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
        config = dir.resolve("lite.json");
        Files.writeString(config, """
                {
                  "data": {"train_files": ["train.csv"], "eval_files": ["train.csv"], "label": "label",
                           "batch_size": 32, "epochs": 1, "seed": 3},
                  "feature_columns": [
                    {"class_name": "VocabularyListCategoricalColumn",
                     "config": {"key": "color", "vocabulary_list": ["red", "green", "blue"]}},
                    {"class_name": "NumericColumn", "config": {"key": "size"}}
                  ],
                  "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"],
                                "optimizer": {"learning_rate": 0.3}},
                  "run_config": {"model_dir": "model", "log_step_count_steps": 2}
                }
                """);
    }

    /** The training config {@code e4j train} reads. */
    public Path config() {
        return config;
    }

    /** Trains once with {@code e4j train} into {@code store}; returns the recorded run's id. */
    public String train(String store, String modelDir) throws IOException {
        CliRun train = CliRun.e4j(
                "train",
                "--config",
                config.toString(),
                "--store",
                store,
                "--format",
                "json",
                "--model-dir",
                dir.resolve(modelDir).toString());
        assertEquals(0, train.exitCode(), train.err());
        return JSON.readTree(train.out()).get("run_id").asText();
    }
}
