package org.estimator4j.estimators.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.Prediction;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.input.Mode;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle carries the files its model reads (a vocabulary file) and reads them only from inside itself; sizes and
 * kinds of files are checked before anything is allocated for them.
 */
class SelfContainedBundleTest {
    @TempDir
    Path dir;

    private static final Schema SCHEMA =
            Schema.of(Field.scalar("city", DType.STRING), Field.scalar("label", DType.STRING));
    private static final List<String> CITIES = List.of("paris", "rome", "oslo", "lima");

    private Path vocabulary;
    private List<Example> rows;
    private List<Map<String, Object>> raw;
    private ModelEstimator model;
    private Path bundle;

    @BeforeEach
    void trainAndExport() throws IOException {
        vocabulary = Files.writeString(dir.resolve("cities.txt"), String.join("\n", CITIES) + "\n");
        SplittableRandom r = new SplittableRandom(3);
        rows = new ArrayList<>();
        raw = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String city = CITIES.get(r.nextInt(CITIES.size()));
            String label = city.equals("paris") || city.equals("oslo") ? "yes" : "no";
            rows.add(Example.builder(SCHEMA)
                    .set("city", city)
                    .set("label", label)
                    .build());
            raw.add(Map.of("city", city));
        }
        model = estimator(vocabulary);
        model.train(input(rows), Steps.of(100));
        bundle = model.export(dir.resolve("export"));
    }

    private ModelEstimator estimator(Path vocabularyFile) {
        List<FeatureColumn> columns =
                List.of(FeatureColumns.categoricalColumnWithVocabularyFile("city", vocabularyFile.toString()));
        return LinearClassifier.builder(columns)
                .labelVocabulary(List.of("no", "yes"))
                .runConfig(RunConfig.builder().modelDir(dir.resolve("model")).build())
                .build();
    }

    private static InputFn input(List<Example> rows) {
        return mode -> {
            Dataset<Example> d = Dataset.fromIterable(rows);
            if (mode == Mode.TRAIN) {
                d = d.repeat();
            }
            List<String> labels = mode == Mode.PREDICT ? List.of() : List.of("label");
            List<String> drop = mode == Mode.PREDICT ? List.of("label") : List.of();
            return d.batch(32, false, Batch::of).map(b -> LabeledBatch.split(b.drop(drop), labels));
        };
    }

    @Test
    void theVocabularyIsCopiedIntoTheBundleAndCoveredByTheManifest() throws IOException {
        assertEquals(Files.readString(vocabulary), Files.readString(bundle.resolve("assets/cities.txt")));
        BundleManifest manifest = Predictor.load(bundle).manifest().orElseThrow();
        assertTrue(
                manifest.files().containsKey("assets/cities.txt"),
                manifest.files().toString());
        assertTrue(
                Files.readString(bundle.resolve("model.json")).contains("\"vocabulary_file\" : \"assets/cities.txt\""));
    }

    @Test
    void reorderingOrDeletingTheOriginalFileChangesNoPrediction() throws IOException {
        List<Prediction> expected = model.predict(input(rows));
        Files.writeString(vocabulary, "lima\noslo\nrome\nparis\n");
        Predictor predictor = Predictor.load(bundle);
        for (int i = 0; i < 20; i++) {
            assertEquals(expected.get(i), predictor.predict(raw.get(i)), "row " + i);
        }
        Files.delete(vocabulary);
        assertEquals(expected.subList(0, 20), Predictor.load(bundle).predict(raw.subList(0, 20)));
    }

    @Test
    void theBundleIsReadFromInsideItselfWhateverTheWorkingDirectoryHolds() throws IOException {
        // A relative path in model.json is relative to the bundle: a cities.txt in the working directory is no match.
        Path moved = Files.move(bundle, dir.resolve("copied-elsewhere"));
        assertEquals(
                model.predict(input(rows)).subList(0, 5), Predictor.load(moved).predict(raw.subList(0, 5)));
    }

    @Test
    void aModelDirectoryWhoseVocabularyFileChangedIsNotResumedWithIt() throws IOException {
        Files.writeString(vocabulary, "lima\noslo\nrome\nparis\n");
        ModelEstimator reordered = estimator(vocabulary);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> reordered.train(input(rows), Steps.of(1)));
        assertTrue(e.getMessage().contains("holds a different model"), e.getMessage());
        // Nor exported with it: the bundle would pair trained rows with the wrong keys.
        e = assertThrows(IllegalStateException.class, () -> model.export(dir.resolve("export2")));
        assertTrue(e.getMessage().contains("has changed since the model was trained"), e.getMessage());
        try (var left = Files.list(dir.resolve("export2"))) {
            assertEquals(List.of(), left.toList()); // the failed export removed its temporary folder
        }
    }

    private void editModelJson(String from, String to) throws IOException {
        Path modelJson = bundle.resolve("model.json");
        Files.writeString(modelJson, Files.readString(modelJson).replace(from, to));
    }

    @Test
    void pathsThatLeaveTheBundleAreRefusedWithOrWithoutVerification() throws IOException {
        Files.writeString(dir.resolve("x"), "rome\nparis\n");
        for (String hostile : List.of("../x", dir.resolve("x").toString(), "/etc/passwd", "assets/../../x")) {
            editModelJson("\"assets/cities.txt\"", "\"" + hostile + "\"");
            InvalidBundleException verified =
                    assertThrows(InvalidBundleException.class, () -> Predictor.load(bundle), hostile);
            assertTrue(
                    verified.problem().startsWith("bundle " + bundle + " is damaged: model.json has "),
                    verified.getMessage()); // its size, then its SHA-256, differ from the manifest's
            InvalidBundleException unverified = assertThrows(
                    InvalidBundleException.class,
                    () -> Predictor.loader(bundle).withoutVerification().load(),
                    hostile);
            assertTrue(
                    unverified.problem().contains("'" + hostile + "' is not a path inside the bundle"),
                    unverified.getMessage());
            assertTrue(unverified.problem().contains("vocabulary_file"), unverified.getMessage());
            editModelJson("\"" + hostile + "\"", "\"assets/cities.txt\"");
        }
        Files.delete(bundle.resolve("assets/cities.txt"));
        Files.createSymbolicLink(bundle.resolve("assets/cities.txt"), dir.resolve("x"));
        InvalidBundleException e = assertThrows(
                InvalidBundleException.class,
                () -> Predictor.loader(bundle).withoutVerification().load());
        assertTrue(
                e.problem().contains("is a link to " + dir.resolve("x").toRealPath() + ", outside the bundle"),
                e.getMessage());
    }

    @Test
    void specialFilesAreRefusedBeforeAnythingIsAllocated() throws IOException {
        Path zero = Path.of("/dev/zero");
        if (!Files.exists(zero)) {
            return;
        }
        // A vocabulary inside the bundle that is a device.
        Files.delete(bundle.resolve("assets/cities.txt"));
        Files.createSymbolicLink(bundle.resolve("assets/zero"), zero);
        editModelJson("\"assets/cities.txt\"", "\"assets/zero\"");
        InvalidBundleException e = assertThrows(
                InvalidBundleException.class,
                () -> Predictor.loader(bundle).withoutVerification().load());
        assertTrue(e.problem().contains("assets/zero is a link to /dev/zero, outside the bundle"), e.getMessage());
        // model.json itself.
        Path modelJson = bundle.resolve("model.json");
        Files.delete(modelJson);
        Files.createSymbolicLink(modelJson, zero);
        e = assertThrows(
                InvalidBundleException.class,
                () -> Predictor.loader(bundle).withoutVerification().load());
        assertTrue(e.problem().contains("model.json is a link to /dev/zero"), e.getMessage());
        e = assertThrows(InvalidBundleException.class, () -> Predictor.load(bundle));
        assertTrue(e.problem().contains("is damaged"), e.getMessage());
    }

    @Test
    void aVocabularyFileColumnRefusesADeviceOrAnOversizedFileNamingTheLimit() throws IOException {
        if (Files.exists(Path.of("/dev/zero"))) {
            RuntimeException e = assertThrows(
                    RuntimeException.class, () -> FeatureColumns.categoricalColumnWithVocabularyFile("k", "/dev/zero"));
            assertTrue(e.getMessage().contains("vocabulary_file /dev/zero is not a regular file"), e.getMessage());
        }
        Path sparse = dir.resolve("huge.txt");
        try (var f = java.nio.channels.FileChannel.open(
                sparse, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            f.write(java.nio.ByteBuffer.wrap(new byte[] {'a'}), (1L << 30)); // 1 GiB, sparse: no disk used
        }
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> FeatureColumns.categoricalColumnWithVocabularyFile("k", sparse.toString()));
        assertTrue(
                e.getMessage()
                        .contains("has " + ((1L << 30) + 1) + " bytes, which is larger than the limit of "
                                + (256L << 20) + " bytes"),
                e.getMessage());
    }

    @Test
    void aTruncatedOrHeaderInflatedVariablesFileIsRefusedWithoutAllocatingItsClaim() throws IOException {
        Path variables = bundle.resolve("variables.e4j");
        byte[] good = Files.readAllBytes(variables);
        Files.write(variables, java.util.Arrays.copyOf(good, good.length / 2));
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> Predictor.loader(bundle).withoutVerification().load());
        assertTrue(e.getMessage().contains("variables.e4j"), e.getMessage());

        // Header: magic, format, step, count, then the first variable's name and its claimed length.
        var out = new java.io.ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(out)) {
            d.write(good, 0, 8 + 4 + 8);
            d.writeInt(1); // variables
            d.writeInt(1);
            d.write('w');
            d.writeInt(Integer.MAX_VALUE); // floats claimed by it: 8 GiB
            d.write(new byte[64]);
        }
        Files.write(variables, out.toByteArray());
        e = assertThrows(
                RuntimeException.class,
                () -> Predictor.loader(bundle).withoutVerification().load());
        assertTrue(e.getMessage().contains("claims " + Integer.MAX_VALUE + " values"), e.getMessage());
        assertTrue(e.getMessage().contains("bytes are left"), e.getMessage());
    }
}
