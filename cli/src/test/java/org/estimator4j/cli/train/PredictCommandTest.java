package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.estimator.Prediction;
import org.estimator4j.cli.CapturedConsole;
import org.estimator4j.cli.CliRun;
import org.estimator4j.estimators.serving.Predictor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code e4j predict} and {@code e4j export} as users run them, on a bundle made by {@code e4j export} from a model
 * made by {@code e4j train}: a vocabulary-file column given relative to the config, bundle-only prediction, CSV and
 * JSON lines input from files or stdin, list-valued features, each output format, kept id columns, and bundles that
 * must be refused.
 */
class PredictCommandTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path config;
    private Path bundle;

    @BeforeEach
    void trainAndExport() throws IOException {
        ColorsData.write(dir);
        Files.writeString(dir.resolve("colors.txt"), "red\ngreen\nblue\n");
        config = dir.resolve("experiment.json");
        // vocabulary_file is relative to the config, like the data files (the tests run in another folder).
        Files.writeString(config, """
                {
                  "data": {"train_files": ["train.csv"], "eval_files": ["test.csv"], "label": "label",
                           "batch_size": 32, "epochs": 3, "seed": 3},
                  "feature_columns": [
                    {"class_name": "VocabularyFileCategoricalColumn",
                     "config": {"key": "color", "vocabulary_file": "colors.txt"}},
                    {"class_name": "BucketizedColumn",
                     "config": {"source_column": {"class_name": "NumericColumn", "config": {"key": "size"}},
                                "boundaries": [0.5, 1.0, 1.5]}}
                  ],
                  "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"]},
                  "run_config": {"model_dir": "model"}
                }
                """);
        CliRun train = CliRun.e4j("train", "--config", config.toString(), "--no-eval", "--no-store");
        assertEquals(0, train.exitCode(), train.err());
        CliRun export = CliRun.e4j(
                "export",
                "--config",
                config.toString(),
                "--dir",
                dir.resolve("export").toString(),
                "--format",
                "json");
        assertEquals(0, export.exitCode(), export.err());
        bundle = Path.of(JSON.readTree(export.out()).get("bundle").asText());
    }

    private static CliRun withStdin(String stdin, String... args) {
        return CliRun.e4j(new CapturedConsole(stdin), Modules.EMPTY_MODULE, args);
    }

    private static List<JsonNode> jsonLines(CliRun r) throws IOException {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : r.out().lines().toList()) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void aBundleAloneIsEnoughAndItsVocabularyTravelsWithIt() throws IOException {
        Path input = Files.writeString(dir.resolve("new.csv"), "color,size\nred,0.1\nblue,0.2\n");
        CliRun before = CliRun.e4j("predict", "--bundle", bundle.toString(), "--input", input.toString());
        assertEquals(0, before.exitCode(), before.err());
        List<JsonNode> rows = jsonLines(before);
        assertEquals(
                List.of("yes", "no"),
                rows.stream().map(n -> n.at("/classes/0").asText()).toList());

        // Reordering, then deleting, the vocabulary the model was trained with changes nothing the bundle serves.
        Files.writeString(dir.resolve("colors.txt"), "blue\nred\ngreen\n");
        CliRun reordered = CliRun.e4j("predict", "--bundle", bundle.toString(), "--input", input.toString());
        assertEquals(before.out(), reordered.out(), reordered.err());
        Files.delete(dir.resolve("colors.txt"));
        assertEquals(
                before.out(),
                CliRun.e4j("predict", "--bundle", bundle.toString(), "--input", input.toString())
                        .out());
    }

    @Test
    void jsonLinesFromStdinWithAListFeatureAndKeptIds() throws IOException {
        String rows = """
                {"id": "a1", "color": "red", "size": 0.1}
                {"id": "b2", "color": ["red", "blue"], "size": 0.1}
                {"id": "c3", "color": [], "size": 1.9}
                """;
        CliRun r = withStdin(rows, "predict", "--bundle", bundle.toString(), "--input", "-", "--keep-columns", "id");
        assertEquals(0, r.exitCode(), r.err());
        List<JsonNode> out = jsonLines(r);
        assertEquals(
                List.of("a1", "b2", "c3"),
                out.stream().map(n -> n.get("id").asText()).toList());
        assertEquals("id", out.get(0).fieldNames().next()); // kept columns come first
        Predictor predictor = Predictor.load(bundle);
        Prediction both = predictor.predict(Map.of("color", List.of("red", "blue"), "size", 0.1));
        assertEquals(both.logits()[0], (float) out.get(1).at("/logits/0").asDouble(), 1e-6);
        assertNotEquals(
                out.get(0).at("/logits/0").asDouble(),
                out.get(1).at("/logits/0").asDouble());
    }

    @Test
    void csvFromStdinIsDetectedAndEachOutputFormatMeansSomething() throws IOException {
        String csv = "id,color,size\n7,red,0.1\n8,blue,0.2\n";
        CliRun asCsv = withStdin(
                csv,
                "predict",
                "--bundle",
                bundle.toString(),
                "--input",
                "-",
                "--keep-columns",
                "id",
                "--format",
                "csv");
        assertEquals(0, asCsv.exitCode(), asCsv.err());
        List<String> lines = asCsv.out().lines().toList();
        assertEquals("id,logits,logistic,probabilities_0,probabilities_1,class_ids,classes", lines.get(0));
        assertEquals(3, lines.size(), asCsv.out());
        assertTrue(lines.get(1).startsWith("7,") && lines.get(1).endsWith(",1,yes"), lines.get(1));
        assertTrue(lines.get(2).startsWith("8,") && lines.get(2).endsWith(",0,no"), lines.get(2));

        CliRun table = withStdin(
                csv,
                "predict",
                "--bundle",
                bundle.toString(),
                "--input",
                "-",
                "--keep-columns",
                "id",
                "--format",
                "table");
        assertEquals(0, table.exitCode(), table.err());
        List<String> rows = table.out().lines().toList();
        assertTrue(
                rows.get(0).matches("id +logits +logistic +probabilities_0 +probabilities_1 +class_ids +classes"),
                rows.get(0));
        assertTrue(rows.get(1).matches("7 +\\S+ +\\S+ +\\S+ +\\S+ +1 +yes"), rows.get(1));
        // Columns line up: every row's classes column starts where the header's does.
        assertEquals(
                rows.get(0).indexOf("classes", rows.get(0).indexOf("class_ids") + 1),
                rows.get(1).lastIndexOf("yes"));

        CliRun jsonl = withStdin(csv, "predict", "--bundle", bundle.toString(), "--input", "-");
        assertEquals(2, jsonLines(jsonl).size(), jsonl.out());
        CliRun declared = withStdin(
                csv,
                "predict",
                "--bundle",
                bundle.toString(),
                "--input",
                "-",
                "--input-format",
                "csv",
                "--format",
                "jsonl");
        assertEquals(jsonl.out(), declared.out());
    }

    @Test
    void theBundleAnswersAsTheCheckpointDoes() {
        CliRun checkpoint = CliRun.e4j("predict", "--config", config.toString());
        CliRun served = CliRun.e4j("predict", "--config", config.toString(), "--bundle", bundle.toString());
        assertEquals(0, checkpoint.exitCode(), checkpoint.err());
        assertEquals(1000, checkpoint.out().lines().count());
        assertEquals(checkpoint.out(), served.out());
    }

    @Test
    void mistakesAreUsageErrorsOrOneLineNamingTheProblem() throws IOException {
        CliRun nothing = CliRun.e4j("predict", "--input", "x.csv");
        assertEquals(2, nothing.exitCode());
        assertTrue(nothing.err().contains("give --bundle DIR (an exported bundle) or --config FILE"), nothing.err());

        CliRun noInput = CliRun.e4j("predict", "--bundle", bundle.toString());
        assertEquals(2, noInput.exitCode());
        assertTrue(noInput.err().contains("give --input FILE (CSV or JSON lines), or --input -"), noInput.err());

        Path input = Files.writeString(dir.resolve("new.jsonl"), "{\"color\": \"red\", \"size\": 1}\n");
        CliRun noId = CliRun.e4j(
                "predict", "--bundle", bundle.toString(), "--input", input.toString(), "--keep-columns", "id");
        assertEquals(1, noId.exitCode());
        assertEquals(
                List.of("e4j predict failed: --keep-columns id: the input has no column 'id' (its columns: "
                        + "color, size); name input columns to copy, separated by commas"),
                noId.errLines());
    }

    @Test
    void aBundleWithoutItsManifestIsRefusedUnlessNoVerifyIsGiven() throws IOException {
        Path input = Files.writeString(dir.resolve("new.csv"), "color,size\nred,0.1\n");
        CliRun good = CliRun.e4j("predict", "--bundle", bundle.toString(), "--input", input.toString());
        Files.delete(bundle.resolve("manifest.json"));
        CliRun refused = CliRun.e4j("predict", "--bundle", bundle.toString(), "--input", input.toString());
        assertEquals(1, refused.exitCode());
        assertEquals(1, refused.errLines().size(), refused.err());
        assertTrue(
                refused.err()
                        .startsWith("e4j predict failed: bundle " + bundle + " has no manifest.json, so its "
                                + "files cannot be checked; export the model again"),
                refused.err());
        assertFalse(refused.err().contains("Exception"), refused.err());
        assertEquals("", refused.out());

        CliRun unchecked =
                CliRun.e4j("predict", "--bundle", bundle.toString(), "--input", input.toString(), "--no-verify");
        assertEquals(0, unchecked.exitCode(), unchecked.err());
        assertEquals(good.out(), unchecked.out());
    }

    @Test
    void aVocabularyFileThatIsADeviceIsRefusedNamingItBeforeReadingIt() throws IOException {
        if (!Files.exists(Path.of("/dev/zero"))) {
            return;
        }
        Files.writeString(config, Files.readString(config).replace("\"colors.txt\"", "\"/dev/zero\""));
        CliRun r = CliRun.e4j("train", "--config", config.toString(), "--no-eval", "--no-store");
        assertEquals(1, r.exitCode());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(
                r.err()
                        .contains("experiment.json.feature_columns[0].config: vocabulary column 'color': "
                                + "vocabulary_file /dev/zero is not a regular file"),
                r.err());
    }

    @Test
    void tamperedWeightsAreRefusedNamingTheFile() throws IOException {
        Path variables = bundle.resolve("variables.e4j");
        byte[] bytes = Files.readAllBytes(variables);
        bytes[bytes.length / 2] ^= 1;
        Files.write(variables, bytes);
        CliRun refused = CliRun.e4j(
                "predict",
                "--bundle",
                bundle.toString(),
                "--input",
                Files.writeString(dir.resolve("new.csv"), "color,size\nred,0.1\n")
                        .toString());
        assertEquals(1, refused.exitCode());
        assertEquals(
                List.of("e4j predict failed: bundle " + bundle + " is damaged: the SHA-256 checksum of "
                        + "variables.e4j does not match manifest.json (the file was altered or corrupted); export the model "
                        + "again (or copy the whole bundle directory again)"),
                refused.errLines());
    }

    @Test
    void exportingTheSameStepAgainKeepsTheBundleAndSaysSo() {
        CliRun again = CliRun.e4j(
                "export",
                "--config",
                config.toString(),
                "--dir",
                dir.resolve("export").toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("kept " + bundle + ": it already holds this model at step "), again.out());
    }
}
