package org.estimator4j.estimators;

import static org.estimator4j.features.FeatureColumns.categoricalColumnWithHashBucket;
import static org.estimator4j.features.FeatureColumns.categoricalColumnWithLearnedVocabulary;
import static org.estimator4j.features.FeatureColumns.categoricalColumnWithVocabularyFile;
import static org.estimator4j.features.FeatureColumns.categoricalColumnWithVocabularyList;
import static org.estimator4j.features.FeatureColumns.crossedColumn;
import static org.estimator4j.features.FeatureColumns.embeddingColumn;
import static org.estimator4j.features.FeatureColumns.indicatorColumn;
import static org.estimator4j.features.FeatureColumns.numericColumn;
import static org.estimator4j.features.FeatureColumns.sharedEmbeddings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.estimator4j.api.data.Dataset;
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
import org.estimator4j.estimators.checkpoint.Checkpoints;
import org.estimator4j.estimators.dnn.DNNClassifier;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.Combiner;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.VocabularyListColumn;
import org.estimator4j.features.VocabularySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmStartTest {
    @TempDir
    Path dir;

    private static final Schema SCHEMA = Schema.of(
            Field.scalar("color", DType.STRING),
            Field.scalar("shop", DType.STRING),
            Field.scalar("label", DType.STRING));
    private static final String WEIGHTS = "linear/linear_model/color/weights";
    private static final String SHOP = "linear/linear_model/shop/weights";
    private static final float FRESH_ACCUMULATOR = 0.1f; // FTRL's initial_accumulator_value

    // ---- end to end: a LinearClassifier warm started across a vocabulary change ----

    /** Colors decide the class (a: x, b: y, c: z, anything else: x); "q" lands in the OOV bucket. */
    private static List<Example> rows(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] colors = {"a", "b", "c", "q"};
        String[] classes = {"x", "y", "z", "x"};
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(colors.length);
            out.add(Example.builder(SCHEMA)
                    .set("color", colors[c])
                    .set("shop", "s" + r.nextInt(10))
                    .set("label", classes[c])
                    .build());
        }
        return out;
    }

    private static InputFn input(List<Example> rows) {
        return mode -> {
            Dataset<Example> d = Dataset.fromIterable(rows);
            if (mode == Mode.TRAIN) {
                d = d.repeat();
            }
            return d.batch(32, false, Batch::of).map(b -> LabeledBatch.split(b, List.of("label")));
        };
    }

    private ModelEstimator classifier(List<String> colors, long shopBuckets, Path modelDir, Path warmStartFrom) {
        List<FeatureColumn> columns = List.of(
                categoricalColumnWithVocabularyList("color", colors, -1, 1),
                categoricalColumnWithHashBucket("shop", shopBuckets));
        var builder = LinearClassifier.builder(columns)
                .nClasses(3)
                .labelVocabulary(List.of("x", "y", "z"))
                .runConfig(RunConfig.builder().modelDir(modelDir).build());
        return (warmStartFrom == null ? builder : builder.warmStartFrom(warmStartFrom)).build();
    }

    @Test
    void aLinearClassifiersRowsFollowTheirKeysToANewVocabulary() {
        Path source = dir.resolve("source");
        classifier(List.of("a", "b", "c"), 5, source, null).train(input(rows(2000, 1)), Steps.of(300));
        Map<String, float[]> old =
                new Checkpoints(source, 1).latest().orElseThrow().variables();

        Path warmDir = dir.resolve("warm");
        ModelEstimator warm = classifier(List.of("c", "a", "d"), 7, warmDir, source);
        // One step on examples without color or shop (empty means "no value"): only the bias moves.
        List<Example> blank = List.of(Example.builder(SCHEMA)
                .set("color", "")
                .set("shop", "")
                .set("label", "y")
                .build());
        warm.train(input(blank), Steps.of(1));
        Map<String, float[]> now =
                new Checkpoints(warmDir, 1).latest().orElseThrow().variables();

        int k = 3; // logits per row
        float[] freshRow = {0, 0, 0};
        float[] freshAccumulators = {FRESH_ACCUMULATOR, FRESH_ACCUMULATOR, FRESH_ACCUMULATOR};
        for (String name : List.of(WEIGHTS, WEIGHTS + "/Ftrl", WEIGHTS + "/Ftrl_1")) {
            float[] before = old.get(name);
            float[] after = now.get(name);
            assertEquals(4 * k, after.length, name); // c, a, d and one OOV bucket
            float[] fresh = name.endsWith("/Ftrl") ? freshAccumulators : freshRow;
            // The trained rows are distinct and trained, so a copy by position could not pass.
            for (int r : new int[] {0, 2, 3}) {
                assertFalse(Arrays.equals(fresh, row(before, r, k)), name + " old row " + r + " is untrained");
            }
            assertFalse(Arrays.equals(row(before, 0, k), row(before, 2, k)), name);
            assertArrayEquals(row(before, 2, k), row(after, 0, k), name + ": c moved from id 2 to 0");
            assertArrayEquals(row(before, 0, k), row(after, 1, k), name + ": a moved from id 0 to 1");
            assertArrayEquals(fresh, row(after, 2, k), name + ": d is new");
            assertArrayEquals(row(before, 3, k), row(after, 3, k), name + ": the OOV bucket is copied");
        }
        // The hash bucket count changed (5 -> 7): no vocabulary to match rows by, so fresh despite training.
        assertFalse(Arrays.equals(new float[5 * k], old.get(SHOP)));
        assertArrayEquals(new float[7 * k], now.get(SHOP));
        float[] accumulators = new float[7 * k];
        Arrays.fill(accumulators, FRESH_ACCUMULATOR);
        assertArrayEquals(accumulators, now.get(SHOP + "/Ftrl"));
    }

    @Test
    void anUnchangedVocabularyCopiesAsBefore() {
        Path source = dir.resolve("source");
        classifier(List.of("a", "b", "c"), 5, source, null).train(input(rows(500, 1)), Steps.of(50));
        Map<String, float[]> old =
                new Checkpoints(source, 1).latest().orElseThrow().variables();
        ModelEstimator same = classifier(List.of("a", "b", "c"), 5, dir.resolve("same"), source);
        same.train(
                input(List.of(Example.builder(SCHEMA)
                        .set("color", "")
                        .set("shop", "")
                        .set("label", "y")
                        .build())),
                Steps.of(1));
        Map<String, float[]> now =
                new Checkpoints(dir.resolve("same"), 1).latest().orElseThrow().variables();
        for (String name : List.of(WEIGHTS, WEIGHTS + "/Ftrl", WEIGHTS + "/Ftrl_1", SHOP, SHOP + "/Ftrl")) {
            assertArrayEquals(old.get(name), now.get(name), name);
        }
    }

    @Test
    void aDnnClassifiersEmbeddingTableAndItsAdagradSlotFollowTheirKeys() {
        String table = "dnn/input_from_feature_columns/input_layer/color_embedding/embedding_weights";
        Path source = dir.resolve("source");
        dnn(List.of("a", "b", "c"), source, null).train(input(rows(2000, 1)), Steps.of(300));
        Map<String, float[]> old =
                new Checkpoints(source, 1).latest().orElseThrow().variables();

        List<Example> blank = List.of(Example.builder(SCHEMA)
                .set("color", "")
                .set("shop", "")
                .set("label", "y")
                .build());
        dnn(List.of("c", "a", "d"), dir.resolve("warm"), source).train(input(blank), Steps.of(1));
        dnn(List.of("c", "a", "d"), dir.resolve("cold"), null).train(input(blank), Steps.of(1));
        Map<String, float[]> warm =
                new Checkpoints(dir.resolve("warm"), 1).latest().orElseThrow().variables();
        Map<String, float[]> cold =
                new Checkpoints(dir.resolve("cold"), 1).latest().orElseThrow().variables();

        int d = 3; // the embedding's dimension
        for (String name : List.of(table, table + "/Adagrad")) {
            float[] before = old.get(name);
            float[] after = warm.get(name);
            assertFalse(Arrays.equals(row(cold.get(name), 0, d), row(before, 2, d)), name + ": c is trained");
            assertArrayEquals(row(before, 2, d), row(after, 0, d), name + ": c moved from id 2 to 0");
            assertArrayEquals(row(before, 0, d), row(after, 1, d), name + ": a moved from id 0 to 1");
            assertArrayEquals(row(cold.get(name), 2, d), row(after, 2, d), name + ": d starts as in a fresh model");
            assertArrayEquals(row(before, 3, d), row(after, 3, d), name + ": the OOV bucket is copied");
        }
    }

    private ModelEstimator dnn(List<String> colors, Path modelDir, Path warmStartFrom) {
        List<FeatureColumn> columns =
                List.of(embeddingColumn(categoricalColumnWithVocabularyList("color", colors, -1, 1), 3));
        var builder = DNNClassifier.builder(columns)
                .hiddenUnits(List.of(4))
                .nClasses(3)
                .labelVocabulary(List.of("x", "y", "z"))
                .runConfig(RunConfig.builder().modelDir(modelDir).build());
        return (warmStartFrom == null ? builder : builder.warmStartFrom(warmStartFrom)).build();
    }

    private static float[] row(float[] values, int r, int width) {
        return Arrays.copyOfRange(values, r * width, (r + 1) * width);
    }

    // ---- the remapping itself, on variables as a model would hold them ----

    private static String describe(String estimator, Map<String, List<? extends FeatureColumn>> lists) {
        EstimatorDescription.Builder b = EstimatorDescription.builder(estimator);
        lists.forEach(b::featureColumns);
        return b.build();
    }

    private static String describe(List<? extends FeatureColumn> columns) {
        return describe("DNNClassifier", Map.of("feature_columns", columns));
    }

    /** {@code rows × width} values, row r column j holding {@code base + 10 r + j}. */
    private static float[] table(int rows, int width, float base) {
        float[] t = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                t[r * width + j] = base + 10 * r + j;
            }
        }
        return t;
    }

    private static float[] filled(int size, float value) {
        float[] a = new float[size];
        Arrays.fill(a, value);
        return a;
    }

    @Test
    void anEmbeddingTableAndItsSlotsFollowTheVocabulary() {
        String table = "color_embedding/embedding_weights";
        CategoricalColumn before = categoricalColumnWithVocabularyList("color", List.of("a", "b", "c"), -1, 2);
        CategoricalColumn after = categoricalColumnWithVocabularyList("color", List.of("c", "a", "d"), -1, 2);
        Map<String, float[]> saved = Map.of(
                table,
                table(5, 4, 0),
                table + "/Adagrad",
                table(5, 4, 1000),
                "dnn/hiddenlayer_0/kernel",
                table(4, 2, 7),
                "dnn/logits/bias",
                new float[3]);
        Map<String, float[]> fresh = new HashMap<>(Map.of(
                table,
                filled(20, -1),
                table + "/Adagrad",
                filled(20, -2),
                "dnn/hiddenlayer_0/kernel",
                new float[8],
                "dnn/logits/bias",
                filled(2, -3)));

        WarmStart.Summary s = WarmStart.remap(
                fresh,
                describe(List.of(embeddingColumn(after, 4))),
                saved,
                describe(List.of(embeddingColumn(before, 4))),
                "source");

        assertEquals(new WarmStart.Summary(1, 2, 1), s);
        assertArrayEquals(
                concat(
                        row(table(5, 4, 0), 2, 4),
                        row(table(5, 4, 0), 0, 4),
                        filled(4, -1),
                        row(table(5, 4, 0), 3, 4),
                        row(table(5, 4, 0), 4, 4)),
                fresh.get(table),
                "c, a, d (new), 2 OOV");
        assertArrayEquals(
                concat(
                        row(table(5, 4, 1000), 2, 4),
                        row(table(5, 4, 1000), 0, 4),
                        filled(4, -2),
                        row(table(5, 4, 1000), 3, 4),
                        row(table(5, 4, 1000), 4, 4)),
                fresh.get(table + "/Adagrad"));
        assertArrayEquals(table(4, 2, 7), fresh.get("dnn/hiddenlayer_0/kernel"), "no column: copied by name");
        assertArrayEquals(filled(2, -3), fresh.get("dnn/logits/bias"), "another size: left fresh");
    }

    @Test
    void wideAndDeepListsVocabularyFilesAndAChangedOovCount() throws IOException {
        Path oldFile = Files.writeString(dir.resolve("old.txt"), "paris\nrome\noslo\n");
        Path newFile = Files.writeString(dir.resolve("new.txt"), "oslo\nlima\nparis\n");
        CategoricalColumn before =
                categoricalColumnWithVocabularyFile("city", oldFile.toString(), OptionalInt.empty(), null, -1, 1);
        CategoricalColumn after =
                categoricalColumnWithVocabularyFile("city", newFile.toString(), OptionalInt.empty(), null, -1, 2);
        String oldDescription = describe(
                "DNNLinearCombinedClassifier",
                Map.of(
                        "linear_feature_columns",
                        List.of(before),
                        "dnn_feature_columns",
                        List.of(embeddingColumn(before, 2))));
        String newDescription = describe(
                "DNNLinearCombinedClassifier",
                Map.of(
                        "linear_feature_columns",
                        List.of(after),
                        "dnn_feature_columns",
                        List.of(embeddingColumn(after, 2))));
        String weights = "linear/linear_model/city/weights";
        String table = "city_embedding/embedding_weights";
        Map<String, float[]> saved =
                Map.of(weights, table(4, 1, 0), weights + "/Ftrl", table(4, 1, 500), table, table(4, 2, 0));
        Map<String, float[]> fresh = new HashMap<>(
                Map.of(weights, filled(5, -1), weights + "/Ftrl", filled(5, 0.1f), table, filled(10, -1)));

        assertEquals(
                new WarmStart.Summary(0, 3, 0),
                WarmStart.remap(fresh, newDescription, saved, oldDescription, "source"));
        // oslo (was 2), lima (new), paris (was 0), then 2 OOV buckets where there was 1: fresh.
        assertArrayEquals(new float[] {20, -1, 0, -1, -1}, fresh.get(weights));
        assertArrayEquals(new float[] {520, 0.1f, 500, 0.1f, 0.1f}, fresh.get(weights + "/Ftrl"));
        assertArrayEquals(new float[] {20, 21, -1, -1, 0, 1, -1, -1, -1, -1}, fresh.get(table));
    }

    @Test
    void theLinearDenseWeightsFollowTheLayoutAndAnIndicatorsVocabulary() {
        List<FeatureColumn> before = List.of(
                numericColumn("x"),
                indicatorColumn(categoricalColumnWithVocabularyList("color", List.of("a", "b", "c"))));
        List<FeatureColumn> after = List.of(
                numericColumn("x"),
                numericColumn("age"),
                indicatorColumn(categoricalColumnWithVocabularyList("color", List.of("c", "a", "d", "e"))));
        String dense = "linear/linear_model/dense_weights";
        // Old layout by name: color_indicator a, b, c; x. Two logits per row.
        Map<String, float[]> saved = Map.of(dense, table(4, 2, 0), dense + "/Ftrl_1", table(4, 2, 100));
        Map<String, float[]> fresh = new HashMap<>(Map.of(dense, filled(12, -1), dense + "/Ftrl_1", filled(12, -2)));

        assertEquals(
                new WarmStart.Summary(0, 2, 0),
                WarmStart.remap(
                        fresh,
                        describe("LinearClassifier", Map.of("feature_columns", after)),
                        saved,
                        describe("LinearClassifier", Map.of("feature_columns", before)),
                        "source"));
        // New layout: age (new); color_indicator c, a, d, e; x.
        assertArrayEquals(new float[] {-1, -1, 20, 21, 0, 1, -1, -1, -1, -1, 30, 31}, fresh.get(dense));
        assertArrayEquals(
                new float[] {-2, -2, 120, 121, 100, 101, -2, -2, -2, -2, 130, 131}, fresh.get(dense + "/Ftrl_1"));
    }

    @Test
    void aDnnsFirstKernelFollowsItsInputLayout() {
        List<FeatureColumn> before = List.of(
                numericColumn("x"), indicatorColumn(categoricalColumnWithVocabularyList("color", List.of("a", "b"))));
        List<FeatureColumn> after = List.of(
                numericColumn("x"),
                indicatorColumn(categoricalColumnWithVocabularyList("color", List.of("b", "new", "a"))));
        String kernel = "dnn/hiddenlayer_0/kernel";
        // Inputs by name: color_indicator a, b; x. Three units per row.
        Map<String, float[]> saved = Map.of(
                kernel,
                table(3, 3, 0),
                kernel + "/Adagrad",
                table(3, 3, 100),
                "dnn/hiddenlayer_1/kernel",
                table(3, 2, 0));
        Map<String, float[]> fresh = new HashMap<>(Map.of(
                kernel,
                filled(12, -1),
                kernel + "/Adagrad",
                filled(12, 0.1f),
                "dnn/hiddenlayer_1/kernel",
                filled(6, -1)));

        assertEquals(
                new WarmStart.Summary(1, 2, 0),
                WarmStart.remap(fresh, describe(after), saved, describe(before), "source"));
        assertArrayEquals(new float[] {10, 11, 12, -1, -1, -1, 0, 1, 2, 20, 21, 22}, fresh.get(kernel));
        assertArrayEquals(
                new float[] {110, 111, 112, 0.1f, 0.1f, 0.1f, 100, 101, 102, 120, 121, 122},
                fresh.get(kernel + "/Adagrad"));
        assertArrayEquals(table(3, 2, 0), fresh.get("dnn/hiddenlayer_1/kernel"), "not indexed by inputs: copied");
    }

    @Test
    void columnsWhoseIdsChangedWithoutAVocabularyAreLeftFresh() {
        String hashed = "linear/linear_model/shop/weights";
        String crossed = "linear/linear_model/a_X_b/weights";
        String learned = "linear/linear_model/word/weights";
        VocabularyListColumn word = categoricalColumnWithLearnedVocabulary("word", VocabularySpec.strings(), 0);
        List<FeatureColumn> before = List.of(
                categoricalColumnWithHashBucket("shop", 4),
                crossedColumn(List.of("a", "b"), 3),
                word.withVocabulary(List.of("the", "cat")));
        List<FeatureColumn> after = List.of(
                categoricalColumnWithHashBucket("shop", 6),
                crossedColumn(List.of("a", "b"), 3, 42),
                word.withVocabulary(List.of("dog", "the", "cat")));
        Map<String, float[]> saved = Map.of(hashed, table(4, 1, 0), crossed, table(3, 1, 0), learned, table(2, 1, 0));
        Map<String, float[]> fresh =
                new HashMap<>(Map.of(hashed, filled(6, -1), crossed, filled(3, -1), learned, filled(3, -1)));

        assertEquals(
                new WarmStart.Summary(0, 1, 2),
                WarmStart.remap(
                        fresh,
                        describe("LinearClassifier", Map.of("feature_columns", after)),
                        saved,
                        describe("LinearClassifier", Map.of("feature_columns", before)),
                        "source"));
        assertArrayEquals(filled(6, -1), fresh.get(hashed), "the hash bucket count changed");
        assertArrayEquals(filled(3, -1), fresh.get(crossed), "same size, but another hash key: other ids");
        assertArrayEquals(new float[] {-1, 0, 10}, fresh.get(learned), "a learned vocabulary remaps too");
    }

    @Test
    void sharedTablesRemapOnlyWhenEveryMemberMovesAlike() {
        List<String> oldVocab = List.of("a", "b", "c");
        List<String> newVocab = List.of("b", "c", "a");
        String shared = "s";
        Map<String, float[]> saved = Map.of(shared, table(3, 2, 0));

        Map<String, float[]> alike = new HashMap<>(Map.of(shared, filled(6, -1)));
        WarmStart.remap(
                alike,
                describe(sharedEmbeddings(
                        List.of(
                                categoricalColumnWithVocabularyList("u", newVocab),
                                categoricalColumnWithVocabularyList("v", newVocab)),
                        2,
                        Combiner.MEAN,
                        shared,
                        null,
                        true)),
                saved,
                describe(sharedEmbeddings(
                        List.of(
                                categoricalColumnWithVocabularyList("u", oldVocab),
                                categoricalColumnWithVocabularyList("v", oldVocab)),
                        2,
                        Combiner.MEAN,
                        shared,
                        null,
                        true)),
                "source");
        assertArrayEquals(new float[] {10, 11, 20, 21, 0, 1}, alike.get(shared));

        Map<String, float[]> apart = new HashMap<>(Map.of(shared, filled(6, -1)));
        WarmStart.remap(
                apart,
                describe(sharedEmbeddings(
                        List.of(
                                categoricalColumnWithVocabularyList("u", newVocab),
                                categoricalColumnWithVocabularyList("v", oldVocab)),
                        2,
                        Combiner.MEAN,
                        shared,
                        null,
                        true)),
                saved,
                describe(sharedEmbeddings(
                        List.of(
                                categoricalColumnWithVocabularyList("u", oldVocab),
                                categoricalColumnWithVocabularyList("v", oldVocab)),
                        2,
                        Combiner.MEAN,
                        shared,
                        null,
                        true)),
                "source");
        assertArrayEquals(filled(6, -1), apart.get(shared), "u moved its ids, v did not: no row order fits both");
    }

    @Test
    void aSourceWhoseVocabularyFileIsGoneIsAClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("v.txt"), "a\nb\n");
        String old = describe(List.of(embeddingColumn(categoricalColumnWithVocabularyFile("k", file.toString()), 2)));
        Files.delete(file);
        Path other = Files.writeString(dir.resolve("w.txt"), "b\na\n");
        String now = describe(List.of(embeddingColumn(categoricalColumnWithVocabularyFile("k", other.toString()), 2)));
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> WarmStart.remap(new HashMap<>(), now, Map.of(), old, "models/old"));
        assertTrue(
                e.getMessage().contains("models/old")
                        && e.getMessage().contains("v.txt")
                        && e.getMessage().contains("drop warm_start_from"),
                e.getMessage());
    }

    private static float[] concat(float[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
