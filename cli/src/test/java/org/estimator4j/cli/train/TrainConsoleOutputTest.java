package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code e4j train} prints when stderr is not a terminal (as under Maven): plain progress lines with the step of
 * the known total, percent, ETA, examples per second and smoothed loss; each evaluation once; a configured
 * progress_bar sets the interval without drawing lines of its own; the summary names the run and the store.
 */
class TrainConsoleOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path experiment(String train) throws Exception {
        ColorsData.write(dir);
        Path config = dir.resolve("console.json");
        Files.writeString(config, """
                {
                  "data": {"train_files": ["train.csv"], "eval_files": ["test.csv"], "label": "label",
                           "batch_size": 40, "epochs": 4},
                  "feature_columns": [
                    {"class_name": "VocabularyListCategoricalColumn",
                     "config": {"key": "color", "vocabulary_list": ["red", "green", "blue"]}},
                    {"class_name": "NumericColumn", "config": {"key": "size"}}
                  ],
                  "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"]},
                  "train": %s,
                  "run_config": {"model_dir": "model", "log_step_count_steps": 100}
                }
                """.formatted(train));
        return config;
    }

    @Test
    void plainLinesEvaluationsOnceAndASummaryNamingRunAndStore() throws Exception {
        // 2,000 rows x 4 epochs / 40 = 200 steps, known before training from the rows of train.csv.
        Path config = experiment("""
                {"eval_every_steps": 100,
                 "callbacks": [{"type": "progress_bar", "params": {"every_n_steps": 50}}]}""");
        String store = dir.resolve("store").toString();
        CliRun train = CliRun.e4j("train", "--config", config.toString(), "--store", store);
        assertEquals(0, train.exitCode(), train.err());

        List<String> progress =
                train.err().lines().filter(l -> l.startsWith("step ")).toList();
        assertEquals(4, progress.size(), train.err());
        for (int i = 0; i < 4; i++) {
            String step = Integer.toString(50 * (i + 1));
            assertTrue(
                    progress.get(i)
                            .matches("step " + step + "/200 +" + (25 * (i + 1)) + "%  ETA \\d+:\\d\\d:\\d\\d"
                                    + "  [\\d,]+ examples/s  loss \\d\\.\\d{4}"),
                    progress.get(i));
        }
        assertTrue(train.err().lines().noneMatch(l -> l.contains("\r")), "no live line off a terminal");

        String all = train.out() + train.err();
        assertEquals(
                1,
                all.lines().filter(l -> l.startsWith("evaluation at step 100:")).count(),
                all);
        assertEquals(
                1,
                all.lines().filter(l -> l.startsWith("evaluation at step 200:")).count(),
                all);
        assertTrue(
                train.out()
                        .lines()
                        .anyMatch(l ->
                                l.startsWith("evaluation at step 100: loss ") && l.contains("(best so far; exported ")),
                train.out());

        String runId = train.err()
                .lines()
                .filter(l -> l.startsWith("recording run "))
                .findFirst()
                .orElseThrow()
                .split(" ")[2];
        assertTrue(
                train.out()
                        .lines()
                        .anyMatch(l -> l.startsWith("recorded run " + runId + " in experiment 'console' (")
                                && l.contains(store)),
                train.out());
    }

    @Test
    void jsonNamesTheStoreAndKeepsProgressOnStderr() throws Exception {
        Path config = experiment("{}");
        String store = dir.resolve("store").toString();
        CliRun train = CliRun.e4j("train", "--config", config.toString(), "--store", store, "--format", "json");
        assertEquals(0, train.exitCode(), train.err());
        JsonNode summary = JSON.readTree(train.out());
        assertTrue(summary.get("store").asText().contains(store), train.out());
        assertEquals(false, summary.get("interrupted").asBoolean());
        assertEquals(
                List.of("step 100/200", "step 200/200"),
                train.err()
                        .lines()
                        .filter(l -> l.startsWith("step "))
                        .map(l -> l.substring(0, l.indexOf(' ', 5)))
                        .toList(),
                train.err());
    }
}
