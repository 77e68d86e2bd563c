package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/e4j predict} as a process in a pipeline: JSON lines on its standard input, CSV on its standard output,
 * from a bundle made by {@code e4j export}; a bundle without its manifest ends it with one line and exit 1.
 */
class PredictFromStdinIT {
    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {}

    private Result e4j(Path stdin, String... args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("e4j.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/e4j").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("E4J_JAR");
        pb.environment().put("E4J_JAVA_OPTS", "-Xmx256m");
        pb.redirectInput(stdin.toFile());
        Path out = dir.resolve("out-" + System.nanoTime());
        Path err = dir.resolve("err-" + System.nanoTime());
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "e4j " + args[0] + " did not finish");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void jsonLinesInOnStdinCsvOut() throws Exception {
        ColorsData.write(dir);
        Path config = dir.resolve("experiment.json");
        Files.writeString(config, """
                {"data": {"train_files": ["train.csv"], "eval_files": ["test.csv"], "label": "label",
                          "batch_size": 32, "epochs": 2, "seed": 3},
                 "feature_columns": [
                   {"class_name": "VocabularyListCategoricalColumn",
                    "config": {"key": "color", "vocabulary_list": ["red", "green", "blue"]}},
                   {"class_name": "BucketizedColumn",
                    "config": {"source_column": {"class_name": "NumericColumn", "config": {"key": "size"}},
                               "boundaries": [0.5, 1.0, 1.5]}}],
                 "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"]},
                 "run_config": {"model_dir": "model"}}
                """);
        assertEquals(
                0,
                CliRun.e4j("train", "--config", config.toString(), "--no-eval", "--no-store")
                        .exitCode());
        CliRun export = CliRun.e4j(
                "export",
                "--config",
                config.toString(),
                "--dir",
                dir.resolve("export").toString(),
                "--format",
                "json");
        assertEquals(0, export.exitCode(), export.err());
        Path bundle =
                Path.of(new ObjectMapper().readTree(export.out()).get("bundle").asText());

        Path rows = Files.writeString(dir.resolve("rows.txt"), """
                {"id": 1, "color": "red", "size": 0.2}
                {"id": 2, "color": ["green"], "size": 0.3}
                """);
        Result r = e4j(
                rows,
                "predict",
                "--bundle",
                bundle.toString(),
                "--input",
                "-",
                "--keep-columns",
                "id",
                "--format",
                "csv");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertEquals("id,logits,logistic,probabilities_0,probabilities_1,class_ids,classes", lines.get(0));
        assertTrue(lines.get(1).startsWith("1,") && lines.get(1).endsWith(",yes"), r.out());
        assertTrue(lines.get(2).startsWith("2,") && lines.get(2).endsWith(",no"), r.out());

        Files.delete(bundle.resolve("manifest.json"));
        Result refused = e4j(rows, "predict", "--bundle", bundle.toString(), "--input", "-");
        assertEquals(1, refused.exitCode());
        assertEquals("", refused.out());
        List<String> err = refused.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, err.size(), refused.err());
        assertTrue(err.get(0).startsWith("e4j predict failed: bundle " + bundle + " has no manifest.json"), err.get(0));
    }
}
