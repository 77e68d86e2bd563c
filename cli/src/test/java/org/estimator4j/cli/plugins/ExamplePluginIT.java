package org.estimator4j.cli.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin jar, built by Maven (examples/plugin-example), copied into a plugins folder and used through
 * {@code bin/e4j} in fresh JVMs: a DNN with its gated layer, trained with its focal loss, evaluated with its KS metric,
 * logged by its JSON-lines callback; then served from the plugins folder, and refused by name without it.
 */
class ExamplePluginIT {
    @TempDir
    Path dir;

    private Path repoRoot() {
        return Path.of(System.getProperty("e4j.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    private record Result(int exitCode, String out) {}

    private Result e4j(String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(repoRoot().resolve("bin/e4j").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("E4J_JAR");
        pb.environment().remove("E4J_PLUGINS_DIR");
        pb.environment().put("E4J_JAVA_OPTS", "-Xmx512m");
        pb.redirectErrorStream(true);
        Path log = dir.resolve("e4j-" + System.nanoTime() + ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "e4j " + args[0] + " did not finish");
        return new Result(p.exitValue(), Files.readString(log));
    }

    @Test
    void theExamplePluginTrainsEvaluatesLogsAndServesFromAPluginsFolder() throws Exception {
        Path jar = repoRoot().resolve("examples/plugin-example/target/example-plugin.jar");
        assertTrue(
                Files.isRegularFile(jar),
                jar + " is missing: build examples/plugin-example first (mvn verify " + "builds it before cli)");
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(jar, plugins.resolve("example-plugin.jar"));
        writeData();
        Path config = dir.resolve("experiment.json");
        Files.writeString(config, """
                {
                  "plugins": {"dir": "plugins"},
                  "data": {"train_files": ["train.csv"], "eval_files": ["test.csv"], "label": "label",
                           "batch_size": 64, "epochs": 10, "seed": 1},
                  "feature_columns": [
                    {"class_name": "NumericColumn", "config": {"key": "x"}},
                    {"class_name": "NumericColumn", "config": {"key": "y"}},
                    {"class_name": "EmbeddingColumn", "config": {"dimension": 4, "categorical_column":
                      {"class_name": "VocabularyListCategoricalColumn",
                       "config": {"key": "segment", "vocabulary_list": ["a", "b", "c", "d"]}}}}
                  ],
                  "estimator": {"type": "DNNClassifier", "hidden_units": [16],
                                "optimizer": {"type": "adam", "learning_rate": 0.01},
                                "custom_layers": [{"type": "example.gated_dense", "params": {"units": 8}}],
                                "loss": {"type": "example.focal_loss", "params": {"gamma": 2.0, "alpha": 0.5}},
                                "metrics": [{"type": "example.ks", "name": "ks"}]},
                  "train": {"eval_every_steps": 200,
                            "callbacks": [{"type": "example.jsonl_logger", "params": {"every_n_steps": 50}}]},
                  "run_config": {"model_dir": "model"}
                }
                """);

        Result list = e4j("plugins", "list", "--plugins", plugins.toString(), "--format", "json");
        assertEquals(0, list.exitCode(), list.out());
        for (String name : List.of("example.focal_loss", "example.ks", "example.gated_dense", "example.jsonl_logger")) {
            assertTrue(list.out().contains("\"" + name + "\""), name + " in " + list.out());
        }
        assertTrue(list.out().contains("example-plugin.jar"), list.out());
        assertTrue(!list.out().contains("FAILED"), list.out());

        Result train = e4j("train", "--config", config.toString(), "--format", "json");
        assertEquals(0, train.exitCode(), train.out());
        JsonNode summary = new ObjectMapper()
                .readTree(train.out()
                        .lines()
                        .filter(l -> l.startsWith("{"))
                        .reduce((a, b) -> b)
                        .orElseThrow());
        double ks = summary.at("/metrics/ks").asDouble(-1);
        assertTrue(ks > 0.5 && ks <= 1, "the plugin metric separates the classes: " + summary);
        assertTrue(summary.at("/metrics/auc").asDouble() > 0.8, summary.toString());
        List<String> log = Files.readAllLines(dir.resolve("model/training.jsonl"));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("{\"step\": 50, \"loss\": ")), log.toString());
        assertTrue(
                log.stream().anyMatch(l -> l.contains("\"evaluation\": {") && l.contains("\"ks\": ")), log.toString());

        Path input = dir.resolve("new.csv");
        Files.writeString(input, "x,y,segment\n1.5,1.2,a\n-1.0,-2.0,c\n");
        Result predict = e4j("predict", "--config", config.toString(), "--input", input.toString());
        assertEquals(0, predict.exitCode(), predict.out());
        List<String> fromCheckpoint =
                predict.out().lines().filter(l -> l.startsWith("{")).toList();
        assertEquals(2, fromCheckpoint.size(), predict.out());

        // Saved as a bundle, loaded in another fresh JVM with the plugins folder: the same predictions, bit for bit.
        Result export = e4j(
                "export",
                "--config",
                config.toString(),
                "--dir",
                dir.resolve("export").toString());
        assertEquals(0, export.exitCode(), export.out());
        Path bundle;
        try (var bundles = Files.list(dir.resolve("export"))) {
            bundle = bundles.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertTrue(Files.readString(bundle.resolve("model.json")).contains("example-plugin.jar"));
        Result served = e4j(
                "predict", "--config", config.toString(), "--bundle", bundle.toString(), "--input", input.toString());
        assertEquals(0, served.exitCode(), served.out());
        assertEquals(
                fromCheckpoint,
                served.out().lines().filter(l -> l.startsWith("{")).toList());

        Path empty = Files.createDirectories(dir.resolve("no-plugins"));
        Result missing = e4j(
                "predict", "--config", config.toString(), "--plugins", empty.toString(), "--input", input.toString());
        assertEquals(1, missing.exitCode(), missing.out());
        assertTrue(
                missing.out().contains("example.gated_dense") || missing.out().contains("example.focal_loss"),
                missing.out());
    }

    private void writeData() throws IOException {
        SplittableRandom r = new SplittableRandom(4);
        String[] segments = {"a", "b", "c", "d"};
        StringBuilder train = new StringBuilder("x,y,segment,label\n");
        StringBuilder test = new StringBuilder("x,y,segment,label\n");
        for (int i = 0; i < 4000; i++) {
            double x = r.nextGaussian();
            double y = r.nextGaussian();
            String s = segments[r.nextInt(4)];
            double z = 1.5 * x + y - 2.2 + (s.equals("a") ? 1.0 : 0);
            int label = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            (i < 3000 ? train : test)
                    .append(x)
                    .append(',')
                    .append(y)
                    .append(',')
                    .append(s)
                    .append(',')
                    .append(label)
                    .append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), train);
        Files.writeString(dir.resolve("test.csv"), test);
    }
}
