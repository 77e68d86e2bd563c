package org.estimator4j.estimators.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

class PredictorTest {
    @TempDir
    Path dir;

    private static final Schema SCHEMA = Schema.of(
            Field.scalar("color", DType.STRING),
            Field.scalar("size", DType.FLOAT64),
            Field.scalar("label", DType.STRING));

    private static final List<FeatureColumn> COLUMNS = List.of(
            FeatureColumns.categoricalColumnWithVocabularyList("color", List.of("red", "green", "blue")),
            FeatureColumns.bucketizedColumn(FeatureColumns.numericColumn("size"), 0.5f, 1f, 1.5f),
            FeatureColumns.crossedColumn(
                    List.of("color", FeatureColumns.bucketizedColumn(FeatureColumns.numericColumn("size"), 1f)), 50));

    private List<Map<String, Object>> raw;
    private List<Example> rows;
    private ModelEstimator model;
    private Path bundle;

    @BeforeEach
    void trainAndExport() {
        SplittableRandom r = new SplittableRandom(5);
        String[] colors = {"red", "green", "blue"};
        raw = new ArrayList<>();
        rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String color = colors[r.nextInt(3)];
            double size = r.nextDouble() * 2;
            String label = color.equals("red") || size > 1.5 ? "yes" : "no";
            raw.add(Map.of("color", color, "size", size));
            rows.add(Example.builder(SCHEMA)
                    .set("color", color)
                    .set("size", size)
                    .set("label", label)
                    .build());
        }
        model = LinearClassifier.builder(COLUMNS)
                .labelVocabulary(List.of("no", "yes"))
                .runConfig(RunConfig.builder().modelDir(dir.resolve("model")).build())
                .build();
        model.train(input(rows), Steps.of(200));
        bundle = model.export(dir.resolve("export"));
    }

    private static InputFn input(List<Example> rows) {
        return mode -> {
            Dataset<Example> d = Dataset.fromIterable(rows);
            if (mode == Mode.TRAIN) {
                d = d.repeat();
            }
            List<String> labels = mode == Mode.PREDICT ? List.of() : List.of("label");
            List<String> drop = mode == Mode.PREDICT ? List.of("label") : List.of();
            return d.batch(64, false, Batch::of).map(b -> LabeledBatch.split(b.drop(drop), labels));
        };
    }

    @Test
    void bundlePredictionsEqualTheEstimatorsExactly() {
        Predictor predictor = Predictor.load(bundle);
        assertEquals("LinearClassifier", predictor.estimator());
        List<Prediction> expected = model.predict(input(rows));
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(expected.get(i), predictor.predict(raw.get(i)), "row " + i);
        }
        assertEquals(expected.subList(0, 10), predictor.predict(raw.subList(0, 10)));
    }

    @Test
    void aSingleExampleEqualsTheSameExampleInAListWhateverItsShape() {
        Predictor predictor = Predictor.load(bundle);
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            String color =
                    i % 7 == 0 ? "purple" : List.of("red", "green", "blue").get(i % 3);
            Object size = switch (i % 5) {
                case 0 -> 1.25;
                case 1 -> 0.75f;
                case 2 -> i % 3; // an integer: int64
                case 3 -> (long) (i % 2);
                default -> new java.math.BigDecimal("1.7");
            };
            if (i % 2 == 0) { // keys in either order, shapes changing from call to call and repeating
                m.put("color", i % 11 == 0 ? null : color);
                m.put("size", size);
            } else {
                m.put("size", size);
                m.put("color", i % 9 == 0 ? new StringBuilder(color) : color);
            }
            if (i % 4 == 3) {
                m.put("unused", "x");
            }
            if (i % 13 == 5) {
                m.put("color", List.of(color, "red")); // a list: the general path
            }
            requests.add(m);
        }
        for (int round = 0; round < 2; round++) {
            for (Map<String, Object> m : requests) {
                assertEquals(
                        outcome(() -> predictor.predict(List.of(m)).get(0)),
                        outcome(() -> predictor.predict(m)),
                        m.toString());
            }
        }
        // Values the general path refuses are refused alike.
        Map<String, Object> bad = new java.util.HashMap<>(Map.of("color", "red", "size", true));
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class, () -> predictor.predict(bad));
        IllegalArgumentException list =
                assertThrows(IllegalArgumentException.class, () -> predictor.predict(List.of(bad)));
        assertEquals(list.getMessage(), single.getMessage());
        Map<String, Object> missingSize = Map.of("color", "red");
        RuntimeException a = assertThrows(RuntimeException.class, () -> predictor.predict(missingSize));
        RuntimeException b = assertThrows(RuntimeException.class, () -> predictor.predict(List.of(missingSize)));
        assertEquals(b.getMessage(), a.getMessage());
    }

    /** The prediction, or the error's type and message. */
    private static Object outcome(java.util.function.Supplier<Prediction> p) {
        try {
            return p.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void isThreadSafeWithoutReloading() throws Exception {
        Predictor predictor = Predictor.load(bundle);
        List<Prediction> expected = model.predict(input(rows));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    int mismatches = 0;
                    for (int k = 0; k < 2000; k++) {
                        int i = (k * 7 + offset) % rows.size();
                        mismatches += predictor.predict(raw.get(i)).equals(expected.get(i)) ? 0 : 1;
                    }
                    return mismatches;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(0, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aModelJsonOfANewerFormatOrDamagedVariablesAreRefusedEvenWithoutVerification() throws IOException {
        Files.delete(bundle.resolve(BundleManifest.FILE_NAME));
        Path model = bundle.resolve("model.json");
        Files.writeString(model, Files.readString(model).replace("\"format\" : 1", "\"format\" : 9"));
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Predictor.loader(bundle).withoutVerification().load());
        assertTrue(e.getMessage().contains("upgrade Estimator4J"), e.getMessage());

        Files.writeString(model, Files.readString(model).replace("\"format\" : 9", "\"format\" : 1"));
        Path variables = bundle.resolve("variables.e4j");
        byte[] bytes = Files.readAllBytes(variables);
        bytes[bytes.length - 20] ^= 1;
        Files.write(variables, bytes);
        e = assertThrows(
                IllegalStateException.class,
                () -> Predictor.loader(bundle).withoutVerification().load());
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void theManifestRecordsTheVersionsTheStepAndEveryFilesSizeAndChecksum() throws Exception {
        try (var files = Files.list(bundle)) {
            assertEquals(
                    List.of("manifest.json", "model.json", "variables.e4j"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        Predictor predictor = Predictor.load(bundle);
        BundleManifest manifest = predictor.manifest().orElseThrow();
        assertEquals(BundleManifest.FORMAT, manifest.bundleFormat());
        assertEquals(System.getProperty("e4j.expected.version"), manifest.libraryVersion());
        assertEquals(Runtime.version().toString(), manifest.javaVersion());
        assertEquals(200, manifest.globalStep());
        assertTrue(Duration.between(manifest.created(), Instant.now()).abs().toMinutes() < 5, "" + manifest);
        assertEquals(Set.of("model.json", "variables.e4j"), manifest.files().keySet());
        for (String name : manifest.files().keySet()) {
            byte[] content = Files.readAllBytes(bundle.resolve(name));
            assertEquals(content.length, manifest.files().get(name).size(), name);
            assertEquals(
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
                    manifest.files().get(name).sha256(),
                    name);
        }
        assertEquals(model.predict(input(rows.subList(0, 5))), predictor.predict(raw.subList(0, 5)));
    }

    @Test
    void oneFlippedByteInTheVariablesIsAChecksumErrorNamingTheFile() throws IOException {
        Path variables = bundle.resolve("variables.e4j");
        byte[] bytes = Files.readAllBytes(variables);
        bytes[bytes.length / 2] ^= 1; // inside a weight: without the manifest nothing but the CRC would notice
        Files.write(variables, bytes);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Predictor.load(bundle));
        assertTrue(e.getMessage().contains("SHA-256 checksum of variables.e4j does not match"), e.getMessage());
        assertTrue(
                e.getMessage().contains("damaged") && e.getMessage().contains("export the model again"),
                e.getMessage());
    }

    @Test
    void aMissingOrTruncatedFileIsNamed() throws IOException {
        Path model = bundle.resolve("model.json");
        String text = Files.readString(model);
        Files.writeString(model, text.substring(0, text.length() - 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Predictor.load(bundle));
        assertTrue(
                e.getMessage()
                        .contains("model.json has " + (text.length() - 1) + " bytes, but manifest.json says "
                                + text.length()),
                e.getMessage());

        Files.delete(model);
        e = assertThrows(IllegalStateException.class, () -> Predictor.load(bundle));
        assertTrue(e.getMessage().contains("damaged: model.json is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("export the model again"), e.getMessage());
    }

    @Test
    void aBundleOfANewerFormatAsksToUpgradeNamingBothVersions() throws IOException {
        Path manifest = bundle.resolve(BundleManifest.FILE_NAME);
        String text = Files.readString(manifest);
        assertTrue(text.contains("\"bundle_format\" : 1,"), text);
        Files.writeString(
                manifest,
                text.replace("\"bundle_format\" : 1,", "\"bundle_format\" : 99,")
                        .replace(
                                "\"files\"",
                                "\"layout_of_the_future\"")); // a newer layout need not list files as we do
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Predictor.load(bundle));
        assertTrue(e.getMessage().contains("bundle format 99"), e.getMessage());
        assertTrue(e.getMessage().contains("reads bundle formats up to 1; upgrade Estimator4J"), e.getMessage());
    }

    @Test
    void aBundleWithoutAManifestIsRefusedNamingItAndLoadsOnlyWithoutVerification() throws IOException {
        Files.delete(bundle.resolve(BundleManifest.FILE_NAME));
        InvalidBundleException e = assertThrows(InvalidBundleException.class, () -> Predictor.load(bundle));
        assertEquals("bundle " + bundle + " has no manifest.json, so its files cannot be checked", e.problem());
        assertTrue(
                e.remedy()
                        .startsWith("export the model again; only if you trust every file in it, load it "
                                + "unchecked (e4j predict --no-verify"),
                e.remedy());

        Predictor predictor = Predictor.loader(bundle).withoutVerification().load();
        assertTrue(predictor.manifest().isEmpty());
        assertEquals(model.predict(input(rows.subList(0, 5))), predictor.predict(raw.subList(0, 5)));
    }

    @Test
    void tamperedWeightsWithoutAManifestAreRefused() throws IOException {
        // The attack the warning used to let through: alter a weight, drop the manifest that would show it.
        Files.delete(bundle.resolve(BundleManifest.FILE_NAME));
        Path variables = bundle.resolve("variables.e4j");
        byte[] bytes = Files.readAllBytes(variables);
        bytes[bytes.length / 2] ^= 1;
        Files.write(variables, bytes);
        assertThrows(InvalidBundleException.class, () -> Predictor.load(bundle));
    }

    @Test
    void aFileListedInTheManifestThatIsALinkOutOfTheBundleIsRefused() throws IOException {
        Path outside = Files.copy(bundle.resolve("variables.e4j"), dir.resolve("elsewhere.e4j"));
        Files.delete(bundle.resolve("variables.e4j"));
        Files.createSymbolicLink(bundle.resolve("variables.e4j"), outside);
        InvalidBundleException e = assertThrows(InvalidBundleException.class, () -> Predictor.load(bundle));
        assertTrue(
                e.problem().contains("variables.e4j is a link to " + outside.toRealPath() + ", outside the bundle"),
                e.getMessage());
    }
}
