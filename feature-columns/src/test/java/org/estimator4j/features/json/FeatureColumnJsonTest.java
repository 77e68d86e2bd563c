package org.estimator4j.features.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.api.table.Shape;
import org.estimator4j.features.BucketizedColumn;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.Combiner;
import org.estimator4j.features.CrossedColumn;
import org.estimator4j.features.DenseColumn;
import org.estimator4j.features.EmbeddingColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.HashBucketColumn;
import org.estimator4j.features.IdentityColumn;
import org.estimator4j.features.Normalizer;
import org.estimator4j.features.NumericColumn;
import org.estimator4j.features.SharedEmbeddingColumn;
import org.estimator4j.features.SparseIds;
import org.estimator4j.features.VocabularyFileColumn;
import org.estimator4j.features.VocabularyListColumn;
import org.estimator4j.features.VocabularySpec;
import org.estimator4j.features.WeightedCategoricalColumn;
import org.estimator4j.features.adapt.FeatureColumnAdapter;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.FeatureTransformer;
import org.estimator4j.features.transform.TransformContext;
import org.estimator4j.features.transform.TransformedBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips of every column type, with and without learned state, and the JSON shape of TensorFlow's configs. */
class FeatureColumnJsonTest {
    @TempDir
    Path dir;

    private static final Schema SCHEMA = Schema.of(
            Field.scalar("age", DType.FLOAT32),
            Field.scalar("hours", DType.FLOAT64),
            new Field("price", DType.FLOAT32, Shape.of(2)),
            Field.scalar("education", DType.STRING),
            Field.scalar("occupation", DType.STRING),
            Field.variable("tags", DType.STRING),
            Field.scalar("code", DType.INT64),
            Field.variable("ids", DType.INT64),
            Field.variable("weights", DType.FLOAT32));

    /** Five rows; 'hours' is missing in row 2 (numeric columns over it need a default). */
    static Batch batch() {
        Object[][] rows = {
            {17f, 40.0, new float[] {-1f, 3f}, "11th", "Sales", List.of("a", "b"), 3L, List.of(0L, 2L), List.of(1f, .5f)
            },
            {38f, 50.5, new float[] {5f, 6f}, "Bachelors", "Tech-support", List.of("b"), 7L, List.of(1L), List.of(2f)},
            {52f, null, new float[] {0.5f, 1f}, "HS-grad", "Craft-repair", List.of(), 120L, List.of(), List.of()},
            {
                29f,
                12.25,
                new float[] {2f, 2f},
                "Masters",
                "Sales",
                List.of("c", "b", "a"),
                0L,
                List.of(9L, 9L),
                List.of(.25f, .75f)
            },
            {
                65f,
                35.0,
                new float[] {10f, -4f},
                "Doctorate",
                "Farming-fishing",
                List.of("zz"),
                42L,
                List.of(3L),
                List.of(4f)
            },
        };
        List<Example> examples = new ArrayList<>();
        for (Object[] r : rows) {
            Example.Builder b = Example.builder(SCHEMA);
            for (int i = 0; i < r.length; i++) {
                b.setObject(i, r[i]);
            }
            examples.add(b.build());
        }
        return Batch.of(examples);
    }

    private Path vocabularyFile() throws IOException {
        Path f = dir.resolve("occupation.txt");
        Files.writeString(f, "Sales\nTech-support\nCraft-repair\nExec-managerial\n");
        return f;
    }

    /** Every column type, adapted (ready to transform), in several configurations. */
    private List<FeatureColumn> adaptedColumns() throws IOException {
        NumericColumn age = FeatureColumns.numericColumn("age");
        NumericColumn hours = FeatureColumns.numericColumn(
                "hours", new int[] {1}, new float[] {40f}, Normalizer.standardize(40.5, 10.25));
        NumericColumn price = FeatureColumns.numericColumn(
                "price",
                new int[] {2},
                new float[] {1f, 2.5f},
                new Normalizer(Normalizer.Kind.MIN_MAX, -4.0, 10.0, true));
        NumericColumn priceMatrix =
                FeatureColumns.numericColumn("price", new int[] {1, 2}, null, Normalizer.minMax(0.1, 0.7));
        NumericColumn hoursLearned = FeatureColumns.numericColumn(
                        "hours", new int[] {1}, new float[] {40f}, Normalizer.learned(Normalizer.Kind.STANDARDIZE))
                .withNormalizer(new Normalizer(Normalizer.Kind.STANDARDIZE, 34.4375, 13.7, true));
        BucketizedColumn ageBuckets = FeatureColumns.bucketizedColumn(age, 1e-3f, 18, 30.5f, 50);
        BucketizedColumn ageBucketsSorted = FeatureColumns.bucketizedColumn(age, -1e30f, 0.1f, 18, 30.5f, 50);
        BucketizedColumn priceQuantiles =
                FeatureColumns.bucketizedColumnWithQuantiles(price, 4).withBoundaries(new float[] {0.1f, 0.5f, 0.9f});
        HashBucketColumn education = FeatureColumns.categoricalColumnWithHashBucket("education", 10);
        HashBucketColumn codeHash = FeatureColumns.categoricalColumnWithHashBucket("code", 5, DType.INT64);
        VocabularyListColumn occupation = FeatureColumns.categoricalColumnWithVocabularyList(
                "occupation", List.of("Sales", "Tech-support", "Craft-repair"), -1, 2);
        VocabularyListColumn codeVocab =
                FeatureColumns.categoricalColumnWithVocabularyList("code", List.of(3L, 7L, 120L), 0, 0);
        VocabularyListColumn tags = FeatureColumns.categoricalColumnWithLearnedVocabulary(
                        "tags", new VocabularySpec(DType.STRING, 2, 3), 1)
                .withVocabulary(List.of("b", "a"));
        VocabularyListColumn codeLearned = FeatureColumns.categoricalColumnWithLearnedVocabulary(
                        "code", new VocabularySpec(DType.INT64, 1, null), 0)
                .withVocabulary(List.of(120L, 3L));
        CategoricalColumn occupationFile = FeatureColumns.categoricalColumnWithVocabularyFile(
                "occupation", vocabularyFile().toString(), OptionalInt.of(3), DType.STRING, -1, 1);
        CategoricalColumn occupationFileAll = FeatureColumns.categoricalColumnWithVocabularyFile(
                "occupation", vocabularyFile().toString(), OptionalInt.empty(), null, 2L, 0);
        IdentityColumn code = FeatureColumns.categoricalColumnWithIdentity("code", 200);
        IdentityColumn ids = FeatureColumns.categoricalColumnWithIdentity("ids", 10, 0L);
        WeightedCategoricalColumn weighted = FeatureColumns.weightedCategoricalColumn(ids, "weights");
        CrossedColumn cross = FeatureColumns.crossedColumn(List.of(ageBuckets, "education", occupation), 50);
        CrossedColumn nested = FeatureColumns.crossedColumn(
                List.of(FeatureColumns.crossedColumn(List.of("education", "tags"), 10), codeVocab, "occupation"),
                1000,
                7);
        CrossedColumn bigKey = FeatureColumns.crossedColumn(List.of("education", "occupation"), 3, -5L);
        List<SharedEmbeddingColumn> shared = FeatureColumns.sharedEmbeddings(
                List.of(education, FeatureColumns.categoricalColumnWithHashBucket("occupation", 10)),
                3,
                Combiner.SUM,
                null,
                2f,
                false);
        return List.of(
                age,
                hours,
                price,
                priceMatrix,
                hoursLearned,
                ageBuckets,
                ageBucketsSorted,
                priceQuantiles,
                education,
                codeHash,
                occupation,
                codeVocab,
                tags,
                codeLearned,
                occupationFile,
                occupationFileAll,
                code,
                ids,
                weighted,
                cross,
                nested,
                bigKey,
                FeatureColumns.indicatorColumn(occupation),
                FeatureColumns.indicatorColumn(weighted),
                FeatureColumns.indicatorColumn(cross),
                FeatureColumns.embeddingColumn(education, 3),
                FeatureColumns.embeddingColumn(weighted, 4, Combiner.SQRTN, 0.5f, false),
                FeatureColumns.embeddingColumn(nested, 2, Combiner.SUM, null, true),
                shared.get(0),
                shared.get(1),
                FeatureColumns.sharedEmbeddings(List.of(tags), 2).get(0));
    }

    /** Columns still waiting for adapt: they round-trip, but cannot transform yet. */
    private static List<FeatureColumn> notAdaptedColumns() {
        NumericColumn age = FeatureColumns.numericColumn(
                "age", new int[] {1}, null, Normalizer.learned(Normalizer.Kind.STANDARDIZE));
        NumericColumn price = FeatureColumns.numericColumn(
                "price", new int[] {2}, new float[] {0f, 0f}, Normalizer.learned(Normalizer.Kind.MIN_MAX));
        VocabularyListColumn tags =
                FeatureColumns.categoricalColumnWithLearnedVocabulary("tags", VocabularySpec.strings(), 0);
        VocabularyListColumn code = FeatureColumns.categoricalColumnWithLearnedVocabulary(
                "code", new VocabularySpec(DType.INT64, 3, 100), 4);
        BucketizedColumn ageQuantiles = FeatureColumns.bucketizedColumnWithQuantiles(age, 5);
        return List.of(
                age,
                price,
                tags,
                code,
                ageQuantiles,
                FeatureColumns.bucketizedColumnWithQuantiles(FeatureColumns.numericColumn("age"), 3),
                FeatureColumns.embeddingColumn(tags, 4),
                FeatureColumns.crossedColumn(List.of(code, "education"), 20),
                FeatureColumns.weightedCategoricalColumn(tags, "weights"));
    }

    private static List<FeatureColumn> roundTrip(List<FeatureColumn> columns) {
        String json = FeatureColumnJson.write(columns);
        List<FeatureColumn> back = FeatureColumnJson.read(json);
        assertEquals(columns, back, json);
        // Writing what was read gives the same text, byte for byte.
        assertEquals(json, FeatureColumnJson.write(back));
        return back;
    }

    @Test
    void everyAdaptedColumnTypeRoundTripsToAnEqualColumnWithIdenticalOutputs() throws IOException {
        List<FeatureColumn> columns = adaptedColumns();
        List<FeatureColumn> back = roundTrip(columns);
        Batch batch = batch();
        for (int i = 0; i < columns.size(); i++) {
            assertSameOutputs(columns.get(i), back.get(i), batch);
        }
        // One at a time too.
        for (FeatureColumn c : columns) {
            FeatureColumn one = FeatureColumnJson.readColumn(FeatureColumnJson.write(c));
            assertEquals(c, one);
            assertSameOutputs(c, one, batch);
        }
    }

    @Test
    void everyClassNameIsCovered() throws IOException {
        String json = FeatureColumnJson.write(adaptedColumns())
                + FeatureColumnJson.write(SequenceColumnJsonTest.sequenceColumns());
        for (String className : ColumnConfig.CLASS_NAMES) {
            assertTrue(json.contains("\"class_name\": \"" + className + "\""), className);
        }
    }

    @Test
    void transformersOverReadColumnsGiveTheSameMatrices() throws IOException {
        List<FeatureColumn> all = adaptedColumns();
        List<FeatureColumn> dense = new ArrayList<>();
        List<FeatureColumn> linear = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (FeatureColumn c : all) {
            if (names.add(c.name())) {
                linear.add(c);
                if (c instanceof DenseColumn) {
                    dense.add(c);
                }
            }
        }
        for (List<FeatureColumn> cols : List.of(dense, linear)) {
            List<FeatureColumn> back = FeatureColumnJson.read(FeatureColumnJson.write(cols));
            boolean isDense = cols == dense;
            FeatureTransformer a = isDense ? FeatureTransformer.dense(cols) : FeatureTransformer.linear(cols);
            FeatureTransformer b = isDense ? FeatureTransformer.dense(back) : FeatureTransformer.linear(back);
            assertEquals(a.denseLayout(), b.denseLayout());
            TransformedBatch x = a.transform(batch(), new EmbeddingTables(11));
            TransformedBatch y = b.transform(batch(), new EmbeddingTables(11));
            assertArrayEquals(x.dense(), y.dense());
            assertEquals(x.sparse().keySet(), y.sparse().keySet());
            for (String name : x.sparse().keySet()) {
                assertSameIds(name, x.sparse(name), y.sparse(name));
            }
        }
    }

    @Test
    void columnsWaitingForAdaptRoundTripAndStillRefuseToTransform() {
        List<FeatureColumn> columns = notAdaptedColumns();
        List<FeatureColumn> back = roundTrip(columns);
        String json = FeatureColumnJson.write(columns);
        assertTrue(
                json.contains("\"normalizer\": {\n"
                        + "        \"kind\": \"standardize\",\n"
                        + "        \"mean\": null,\n"
                        + "        \"stddev\": null,\n"
                        + "        \"learned\": true\n"
                        + "      }"),
                json);
        assertTrue(
                json.contains("\"vocabulary_list\": [],\n"
                        + "      \"dtype\": \"int64\",\n"
                        + "      \"default_value\": -1,\n"
                        + "      \"num_oov_buckets\": 4,\n"
                        + "      \"learn\": {\n"
                        + "        \"min_frequency\": 3,\n"
                        + "        \"max_tokens\": 100\n"
                        + "      }"),
                json);
        assertTrue(json.contains("\"boundaries\": [],\n      \"quantile_buckets\": 5"), json);
        Batch batch = batch();
        for (int i = 0; i < columns.size(); i++) {
            FeatureColumn original = columns.get(i);
            FeatureColumn read = back.get(i);
            String expected = assertThrows(RuntimeException.class, () -> outputs(original, batch))
                    .getMessage();
            String actual = assertThrows(RuntimeException.class, () -> outputs(read, batch))
                    .getMessage();
            assertEquals(expected, actual);
            assertTrue(actual.contains("not been adapted"), actual);
        }
    }

    @Test
    void columnsAdaptedByTheAdapterRoundTripExactly() {
        NumericColumn age = FeatureColumns.numericColumn(
                "age", new int[] {1}, null, Normalizer.learned(Normalizer.Kind.STANDARDIZE));
        List<FeatureColumn> columns = List.of(
                age,
                FeatureColumns.numericColumn("price", new int[] {2}, null, Normalizer.learned(Normalizer.Kind.MIN_MAX)),
                FeatureColumns.categoricalColumnWithLearnedVocabulary("tags", VocabularySpec.strings(), 0),
                FeatureColumns.categoricalColumnWithLearnedVocabulary("code", new VocabularySpec(DType.INT64, 1, 3), 2),
                FeatureColumns.bucketizedColumnWithQuantiles(age, 3));
        List<FeatureColumn> learned = FeatureColumnAdapter.adapt(columns, Dataset.of(batch()));
        String json = FeatureColumnJson.write(learned);
        assertFalse(json.contains("\"mean\": null") || json.contains("\"min\": null"), json);
        assertFalse(json.contains("[]"), json);
        List<FeatureColumn> back = roundTrip(learned);
        for (int i = 0; i < learned.size(); i++) {
            assertSameOutputs(learned.get(i), back.get(i), batch());
        }
    }

    @Test
    void equalNestedColumnsAreReadAsOneInstance() {
        NumericColumn age = FeatureColumns.numericColumn("age");
        BucketizedColumn b = FeatureColumns.bucketizedColumn(age, 30, 40);
        List<FeatureColumn> back = FeatureColumnJson.read(
                FeatureColumnJson.write(List.of(age, b, FeatureColumns.crossedColumn(List.of(b, "education"), 10))));
        assertSame(back.get(0), ((BucketizedColumn) back.get(1)).source());
        assertSame(back.get(1), ((CrossedColumn) back.get(2)).keys().get(0));
        // Separate reads share nothing.
        assertNotSame(
                back.get(0),
                FeatureColumnJson.read(FeatureColumnJson.write(List.of(age))).get(0));
    }

    @Test
    void filesRoundTripAndNameThemselvesInErrors() throws IOException {
        List<FeatureColumn> columns = adaptedColumns();
        Path f = dir.resolve("columns.json");
        FeatureColumnJson.write(columns, f);
        assertEquals(columns, FeatureColumnJson.read(f));

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[{\"class_name\": \"NumericColumn\", \"config\": {}}]");
        FeatureColumnJsonException e =
                assertThrows(FeatureColumnJsonException.class, () -> FeatureColumnJson.read(bad));
        assertEquals(bad + ": columns[0].config.key: required key 'key' of NumericColumn is missing", e.getMessage());
        assertEquals("columns[0].config.key", e.path());

        Path missing = dir.resolve("nope.json");
        e = assertThrows(FeatureColumnJsonException.class, () -> FeatureColumnJson.read(missing));
        assertTrue(e.getMessage().startsWith("cannot read feature columns from " + missing + ": "), e.getMessage());
    }

    @Test
    void floatsAreWrittenShortAndReadBackBitForBit() {
        float[] boundaries = {-0f, 1.4e-45f, 1e-7f, 0.1f, 1f / 3, 123456.79f, 16777217f, 3.4028235e38f};
        BucketizedColumn b = FeatureColumns.bucketizedColumn(
                FeatureColumns.numericColumn("x", new int[] {1}, new float[] {Float.NaN}, null), boundaries);
        String json = FeatureColumnJson.write(b);
        assertTrue(
                json.contains("\"boundaries\": [\"-0.0\", 1.4E-45, 1.0E-7, 0.1, 0.33333334, 123456.79, 16777216, "
                        + "3.4028235E38]"),
                json);
        assertTrue(json.contains("\"default_value\": [\"NaN\"]"), json);
        BucketizedColumn back = (BucketizedColumn) FeatureColumnJson.readColumn(json);
        assertEquals(b, back);
        assertArrayEquals(boundaries, back.boundaries());
        assertTrue(Float.isNaN(back.source().defaultValue()[0]));
    }

    // ------------------------------------------------------------------ TensorFlow's get_config shapes

    /**
     * CrossedColumnTest.test_serialization: {@code a = numeric_column('a', dtype=int32, shape=(2,)); b =
     * bucketized_column(a, boundaries=(0, 1)); crossed_column([b, 'c'], hash_bucket_size=5, hash_key=5)}. Our text is
     * TensorFlow's config printed with json.dumps(indent=2) (in get_config's key order), with one difference:
     * numeric columns are float32 here, so "dtype" is "float32" where TensorFlow's int32 column says "int32".
     */
    @Test
    void crossedColumnIsWrittenAsTensorFlowsGetConfig() {
        NumericColumn a = FeatureColumns.numericColumn("a", new int[] {2}, null, null);
        BucketizedColumn b = FeatureColumns.bucketizedColumn(a, 0, 1);
        CrossedColumn crossed = FeatureColumns.crossedColumn(List.of(b, "c"), 5, 5);
        String expected = """
                {
                  "class_name": "CrossedColumn",
                  "config": {
                    "keys": [
                      {
                        "class_name": "BucketizedColumn",
                        "config": {
                          "source_column": {
                            "class_name": "NumericColumn",
                            "config": {
                              "key": "a",
                              "shape": [2],
                              "default_value": null,
                              "dtype": "float32",
                              "normalizer_fn": null
                            }
                          },
                          "boundaries": [0, 1]
                        }
                      },
                      "c"
                    ],
                    "hash_bucket_size": 5,
                    "hash_key": 5
                  }
                }
                """;
        assertEquals(expected, FeatureColumnJson.write(crossed));
        assertEquals(crossed, FeatureColumnJson.readColumn(expected));
        // TensorFlow's own config, int32 dtype and all, reads as the same column.
        assertEquals(crossed, FeatureColumnJson.readColumn(expected.replace("float32", "int32")));
    }

    /** The get_config dicts of feature_column_v2_test.py's test_serialization methods, as JSON. */
    @Test
    void otherColumnsMatchTensorFlowsGetConfig() throws IOException {
        Path wire = dir.resolve("wire_vocabulary.txt");
        Files.writeString(wire, "omar\nstringer\nmarlo\n");
        assertTfConfig(FeatureColumns.numericColumn("price"), """
                {"key": "price", "shape": [1], "default_value": null, "dtype": "float32", "normalizer_fn": null}""");
        assertTfConfig(
                FeatureColumns.bucketizedColumn(
                        FeatureColumns.numericColumn("price", new int[] {2}, null, null), 0, 2, 4, 6),
                """
                {"source_column": {"class_name": "NumericColumn", "config": {"key": "price", "shape": [2],
                  "default_value": null, "dtype": "float32", "normalizer_fn": null}},
                 "boundaries": [0, 2, 4, 6]}""");
        assertTfConfig(FeatureColumns.categoricalColumnWithHashBucket("wire", 4), """
                {"key": "wire", "hash_bucket_size": 4, "dtype": "string"}""");
        assertTfConfig(
                FeatureColumns.categoricalColumnWithVocabularyList("aaa", List.of("omar", "stringer", "marlo"), -1, 1),
                """
                {"default_value": -1, "dtype": "string", "key": "aaa", "num_oov_buckets": 1,
                 "vocabulary_list": ["omar", "stringer", "marlo"]}""");
        VocabularyFileColumn wireColumn = FeatureColumns.categoricalColumnWithVocabularyFile(
                "wire", wire.toString(), OptionalInt.of(3), null, -1, 1);
        assertTfConfig(wireColumn, """
                {"default_value": -1, "dtype": "string", "key": "wire", "num_oov_buckets": 1,
                 "vocabulary_file": "%s", "vocabulary_size": 3, "file_format": null,
                 "vocabulary_sha256": "%s"}""".formatted(wire, wireColumn.vocabularySha256()));
        assertTfConfig(FeatureColumns.categoricalColumnWithIdentity("aaa", 3), """
                {"default_value": null, "key": "aaa", "number_buckets": 3}""");
        assertTfConfig(FeatureColumns.indicatorColumn(FeatureColumns.categoricalColumnWithIdentity("animal", 4)), """
                {"categorical_column": {"class_name": "IdentityCategoricalColumn",
                  "config": {"key": "animal", "default_value": null, "number_buckets": 4}}}""");
        assertTfConfig(FeatureColumns.embeddingColumn(FeatureColumns.categoricalColumnWithIdentity("aaa", 3), 2), """
                {"categorical_column": {"class_name": "IdentityCategoricalColumn",
                   "config": {"number_buckets": 3, "key": "aaa", "default_value": null}},
                 "ckpt_to_load_from": null, "combiner": "mean", "dimension": 2,
                 "initializer": {"class_name": "TruncatedNormal",
                   "config": {"dtype": "float32", "stddev": 0.7071067811865475, "seed": null, "mean": 0.0}},
                 "max_norm": null, "tensor_name_in_ckpt": null, "trainable": true,
                 "use_safe_embedding_lookup": true}""");
        assertTfConfig(
                FeatureColumns.weightedCategoricalColumn(
                        FeatureColumns.categoricalColumnWithIdentity("ids", 3), "weight"),
                """
                {"categorical_column": {"config": {"key": "ids", "number_buckets": 3, "default_value": null},
                   "class_name": "IdentityCategoricalColumn"},
                 "dtype": "float32", "weight_feature_key": "weight"}""");
    }

    /** Our config equals TensorFlow's (as a JSON value: key order aside) and TensorFlow's reads as our column. */
    private static void assertTfConfig(FeatureColumn column, String tfConfig) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode ours = m.readTree(FeatureColumnJson.write(column));
        assertEquals(m.readTree(tfConfig), ours.get("config"), column.toString());
        String tf = "{\"class_name\": \"" + ours.get("class_name").textValue() + "\", \"config\": " + tfConfig + "}";
        assertEquals(column, FeatureColumnJson.readColumn(tf));
    }

    @Test
    void optionalKeysTakeTensorFlowsDefaults() {
        assertEquals(FeatureColumns.numericColumn("x"), FeatureColumnJson.readColumn("""
                {"class_name": "NumericColumn", "config": {"key": "x"}}"""));
        assertEquals(
                FeatureColumns.numericColumn("x", new int[] {2, 3}, new float[] {2, 2, 2, 2, 2, 2}, null),
                FeatureColumnJson.readColumn("""
                {"class_name": "NumericColumn", "config": {"key": "x", "shape": [2, 3], "default_value": 2}}"""));
        assertEquals(FeatureColumns.categoricalColumnWithHashBucket("x", 7), FeatureColumnJson.readColumn("""
                {"class_name": "HashedCategoricalColumn", "config": {"key": "x", "hash_bucket_size": 7}}"""));
        assertEquals(
                FeatureColumns.categoricalColumnWithVocabularyList("x", List.of(4L, 5L)),
                FeatureColumnJson.readColumn("""
                {"class_name": "VocabularyListCategoricalColumn", "config": {"key": "x", "vocabulary_list": [4, 5]}}
                """));
        assertEquals(
                FeatureColumns.categoricalColumnWithLearnedVocabulary("x", VocabularySpec.strings(), 0),
                FeatureColumnJson.readColumn("""
                {"class_name": "VocabularyListCategoricalColumn", "config": {"key": "x", "learn": {}}}"""));
        assertEquals(FeatureColumns.crossedColumn(List.of("a", "b"), 9), FeatureColumnJson.readColumn("""
                {"class_name": "CrossedColumn", "config": {"keys": ["a", "b"], "hash_bucket_size": 9}}"""));
        // Legacy configs may lack use_safe_embedding_lookup (as TensorFlow's test notes).
        assertEquals(
                FeatureColumns.embeddingColumn(FeatureColumns.categoricalColumnWithIdentity("i", 4), 8),
                FeatureColumnJson.readColumn("""
                {"class_name": "EmbeddingColumn", "config": {"dimension": 8, "categorical_column":
                  {"class_name": "IdentityCategoricalColumn", "config": {"key": "i", "number_buckets": 4}}}}"""));
        assertEquals(
                FeatureColumns.numericColumn("x", new int[] {1}, null, Normalizer.standardize(1, 2)),
                FeatureColumnJson.readColumn("""
                {"class_name": "NumericColumn", "config": {"key": "x",
                  "normalizer": {"kind": "standardize", "mean": 1, "stddev": 2}}}"""));
        assertEquals(
                FeatureColumns.numericColumn("x", new int[] {1}, null, Normalizer.learned(Normalizer.Kind.MIN_MAX)),
                FeatureColumnJson.readColumn("""
                {"class_name": "NumericColumn", "config": {"key": "x",
                  "normalizer": {"kind": "min_max", "learned": true}}}"""));
    }

    @Test
    void theDefaultHashKeyIsWrittenAsNullAndAUint64KeyAsUnsigned() {
        CrossedColumn byDefault = FeatureColumns.crossedColumn(List.of("a", "b"), 9);
        assertTrue(FeatureColumnJson.write(byDefault).contains("\"hash_key\": null"));
        CrossedColumn negative = FeatureColumns.crossedColumn(List.of("a", "b"), 9, -1L);
        assertTrue(FeatureColumnJson.write(negative).contains("\"hash_key\": 18446744073709551615"));
        assertEquals(negative, FeatureColumnJson.readColumn(FeatureColumnJson.write(negative)));
    }

    @Test
    void sharedEmbeddingsKeepTheirGroupAndShareOneTable() {
        List<SharedEmbeddingColumn> shared = FeatureColumns.sharedEmbeddings(
                List.of(
                        FeatureColumns.categoricalColumnWithIdentity("aaa", 3),
                        FeatureColumns.categoricalColumnWithIdentity("bbb", 3)),
                2);
        String json = FeatureColumnJson.write(shared);
        assertTrue(
                json.contains("\"shared_embedding_collection_name\": \"aaa_bbb_shared_embedding\",\n"
                        + "      \"num_buckets\": 3,\n      \"dimension\": 2,\n      \"combiner\": \"mean\""),
                json);
        List<FeatureColumn> back = FeatureColumnJson.read(json);
        assertEquals(shared, back);
        EmbeddingTables tables = new EmbeddingTables(3);
        Schema s = Schema.of(Field.scalar("aaa", DType.INT64), Field.scalar("bbb", DType.INT64));
        Batch b = Batch.of(
                List.of(Example.builder(s).set("aaa", 2L).set("bbb", 2L).build()));
        TransformContext ctx = new TransformContext(b, tables);
        float[] x = new float[2];
        float[] y = new float[2];
        ((DenseColumn) back.get(0)).writeDense(ctx, x, 2, 0);
        ((DenseColumn) back.get(1)).writeDense(ctx, y, 2, 0);
        assertArrayEquals(x, y); // same id, same shared table
    }

    // ------------------------------------------------------------------ errors

    private static String error(String json) {
        return assertThrows(FeatureColumnJsonException.class, () -> FeatureColumnJson.read(json))
                .getMessage();
    }

    @Test
    void anUnknownClassNameListsTheKnownOnes() {
        assertEquals(
                "columns[0].class_name: unknown class_name 'NumericColum'; known class names: "
                        + "BucketizedColumn, CrossedColumn, EmbeddingColumn, HashedCategoricalColumn, "
                        + "IdentityCategoricalColumn, IndicatorColumn, NumericColumn, SequenceCategoricalColumn, "
                        + "SequenceNumericColumn, SharedEmbeddingColumn, "
                        + "VocabularyFileCategoricalColumn, VocabularyListCategoricalColumn, WeightedCategoricalColumn",
                error("[{\"class_name\": \"NumericColum\", \"config\": {\"key\": \"x\"}}]"));
        assertTrue(error("[{\"class_name\": \"SequenceDenseColumn\", \"config\": {}}]")
                .startsWith("columns[0].class_name: unknown class_name 'SequenceDenseColumn' (a TensorFlow class "
                        + "Estimator4J does not support); known class names: BucketizedColumn, "));
    }

    @Test
    void anUnknownConfigKeyIsNamedWithItsColumnAndTheKnownKeys() {
        assertEquals(
                "columns[1].config.num_buckets: unknown key 'num_buckets' in the config of "
                        + "IdentityCategoricalColumn 'age'; known keys: key, number_buckets, default_value",
                error("""
                        [{"class_name": "NumericColumn", "config": {"key": "x"}},
                         {"class_name": "IdentityCategoricalColumn", "config": {"key": "age", "num_buckets": 3}}]"""));
        assertEquals(
                "columns[0].config.categorical_column.config.hash_bucket_sise: unknown key "
                        + "'hash_bucket_sise' in the config of HashedCategoricalColumn 'occupation'; known keys: key, "
                        + "hash_bucket_size, dtype",
                error("""
                        [{"class_name": "EmbeddingColumn", "config": {"dimension": 8, "categorical_column":
                          {"class_name": "HashedCategoricalColumn",
                           "config": {"key": "occupation", "hash_bucket_sise": 100}}}}]"""));
        assertEquals(
                "columns[0].config.normalizer.sd: unknown key 'sd' in 'normalizer' of NumericColumn 'x'; "
                        + "known keys: kind, mean, stddev, learned",
                error("""
                        [{"class_name": "NumericColumn", "config": {"key": "x",
                          "normalizer": {"kind": "standardize", "mean": 1, "sd": 2}}}]"""));
        assertEquals(
                "columns[0].name: unknown key 'name'; a column object has only class_name and config",
                error("[{\"class_name\": \"NumericColumn\", \"name\": \"x\", \"config\": {\"key\": \"x\"}}]"));
    }

    @Test
    void aMissingRequiredKeyIsNamedWithItsPath() {
        assertEquals(
                "columns[2].config.categorical_column.config.key: required key 'key' of "
                        + "VocabularyListCategoricalColumn is missing",
                error("""
                        [{"class_name": "NumericColumn", "config": {"key": "x"}},
                         {"class_name": "NumericColumn", "config": {"key": "y"}},
                         {"class_name": "IndicatorColumn", "config": {"categorical_column":
                           {"class_name": "VocabularyListCategoricalColumn",
                            "config": {"vocabulary_list": ["a", "b"]}}}}]"""));
        assertEquals(
                "columns[0].config.hash_bucket_size: required key 'hash_bucket_size' of CrossedColumn is " + "missing",
                error("[{\"class_name\": \"CrossedColumn\", \"config\": {\"keys\": [\"a\", \"b\"]}}]"));
        assertEquals(
                "columns[0].config: required key 'config' of NumericColumn is missing",
                error("[{\"class_name\": \"NumericColumn\"}]"));
        assertEquals(
                "columns[0].class_name: required key 'class_name' is missing",
                error("[{\"config\": {\"key\": \"x\"}}]"));
        assertEquals(
                "columns[0].config.normalizer.stddev: required key 'stddev' of a standardize normalizer is "
                        + "missing",
                error("""
                        [{"class_name": "NumericColumn", "config": {"key": "x",
                          "normalizer": {"kind": "standardize", "mean": 1}}}]"""));
    }

    @Test
    void wrongTypesAndValuesAreExplainedAtTheirPath() {
        assertEquals(
                "columns[0].config.hash_bucket_size: expected an integer, got the string \"ten\"",
                error("[{\"class_name\": \"HashedCategoricalColumn\", \"config\": {\"key\": \"x\", "
                        + "\"hash_bucket_size\": \"ten\"}}]"));
        assertEquals("columns[0].config.boundaries[1]: expected a number, got the string \"b\"", error("""
                [{"class_name": "BucketizedColumn", "config": {"boundaries": [1, "b"],
                  "source_column": {"class_name": "NumericColumn", "config": {"key": "x"}}}}]"""));
        assertEquals(
                "columns[0].config.source_column: must be a NumericColumn, got HashedCategoricalColumn 'x'",
                error("""
                        [{"class_name": "BucketizedColumn", "config": {"boundaries": [1],
                          "source_column": {"class_name": "HashedCategoricalColumn",
                                            "config": {"key": "x", "hash_bucket_size": 3}}}}]"""));
        assertEquals(
                "columns[0].config.categorical_column: must be a categorical column, got NumericColumn 'x'",
                error("""
                        [{"class_name": "IndicatorColumn", "config": {"categorical_column":
                          {"class_name": "NumericColumn", "config": {"key": "x"}}}}]"""));
        assertTrue(
                error("""
                [{"class_name": "IndicatorColumn", "config": {"categorical_column": "x"}}]""")
                        .startsWith(
                                "columns[0].config.categorical_column: expected a categorical column object, got the string 'x'"));
        // A column's own validation, at the path of its config.
        String invalid = error("""
                [{"class_name": "BucketizedColumn", "config": {"boundaries": [2, 1],
                  "source_column": {"class_name": "NumericColumn", "config": {"key": "x"}}}}]""");
        assertTrue(
                invalid.startsWith("columns[0].config: bucketized column 'x_bucketized': boundaries must be "),
                invalid);
        assertEquals(
                "columns[0].config.normalizer_fn: is the string \"_increment_two\", a Python function that "
                        + "Estimator4J cannot run; use \"normalizer\": {\"kind\": \"standardize\" or \"min_max\", ...} and "
                        + "leave normalizer_fn null",
                error("""
                        [{"class_name": "NumericColumn", "config": {"key": "price", "normalizer_fn": "_increment_two"}}]
                        """));
        assertEquals(
                "columns[0].config.dtype: dtype must be string or an integer type (int64), got 'float32'", error("""
                        [{"class_name": "HashedCategoricalColumn",
                          "config": {"key": "x", "hash_bucket_size": 3, "dtype": "float32"}}]"""));
        assertEquals(
                "columns[0].config.vocabulary_list[1]: the vocabulary is string, so expected a string, got "
                        + "the number 3",
                error("""
                        [{"class_name": "VocabularyListCategoricalColumn",
                          "config": {"key": "x", "vocabulary_list": ["a", 3], "dtype": "string"}}]"""));
        assertTrue(error("""
                [{"class_name": "EmbeddingColumn", "config": {"dimension": 2, "initializer": "_initializer",
                  "categorical_column": {"class_name": "IdentityCategoricalColumn",
                                         "config": {"key": "i", "number_buckets": 3}}}}]""")
                .startsWith("columns[0].config.initializer: only TensorFlow's default initializer is supported"));
        assertEquals("columns[0].config.combiner: unknown combiner 'max'; use mean, sqrtn or sum", error("""
                [{"class_name": "EmbeddingColumn", "config": {"dimension": 2, "combiner": "max",
                  "categorical_column": {"class_name": "IdentityCategoricalColumn",
                                         "config": {"key": "i", "number_buckets": 3}}}}]"""));
        assertTrue(error("""
                [{"class_name": "SharedEmbeddingColumn", "config": {"dimension": 2,
                  "shared_embedding_collection_name": "t",
                  "categorical_column": {"class_name": "IdentityCategoricalColumn",
                                         "config": {"key": "a", "number_buckets": 3}}}},
                 {"class_name": "SharedEmbeddingColumn", "config": {"dimension": 3,
                  "shared_embedding_collection_name": "t",
                  "categorical_column": {"class_name": "IdentityCategoricalColumn",
                                         "config": {"key": "b", "number_buckets": 3}}}}]""")
                .startsWith(
                        "columns[1]: shared embedding 'b_shared_embedding' uses table 't' with 3 buckets x dimension 3, "
                                + "but columns[0] ('a_shared_embedding') uses it with 3 x 2"));
    }

    @Test
    void badJsonAndWrongShapesOfDocument() {
        String syntax = error("[{\"class_name\": \"NumericColumn\",, }]");
        assertTrue(syntax.startsWith("not valid JSON at line 1, column 33: "), syntax);
        assertTrue(error("[{\"class_name\": \"NumericColumn\", \"class_name\": \"X\"}]")
                .contains("Duplicate field 'class_name'"));
        assertEquals(
                "columns: expected a JSON array of columns ([{\"class_name\": ..., \"config\": {...}}, ...]), "
                        + "got an object",
                error("{\"class_name\": \"NumericColumn\", \"config\": {\"key\": \"x\"}}"));
        assertEquals(
                "columns[0]: expected a column object {\"class_name\": ..., \"config\": {...}}, got the "
                        + "string \"age\"",
                error("[\"age\"]"));
        assertEquals("no JSON: the text is empty", error("  "));
        assertTrue(error("[] []").startsWith("not valid JSON"));
        assertEquals(
                "column.config.key: expected a string, got null",
                assertThrows(
                                FeatureColumnJsonException.class,
                                () -> FeatureColumnJson.readColumn(
                                        "{\"class_name\": \"NumericColumn\", \"config\": {\"key\": null}}"))
                        .getMessage());
    }

    @Test
    void writingAColumnFeatureColumnsDidNotBuildNamesIt() {
        FeatureColumn custom = new FeatureColumn() {
            @Override
            public String name() {
                return "mine";
            }

            @Override
            public java.util.Set<String> rawKeys() {
                return java.util.Set.of("x");
            }
        };
        String message = assertThrows(
                        FeatureColumnJsonException.class,
                        () -> FeatureColumnJson.write(List.of(FeatureColumns.numericColumn("a"), custom)))
                .getMessage();
        assertTrue(message.startsWith("columns[1]: cannot write "), message);
        assertTrue(message.contains("('mine')"), message);
        assertFalse(message.contains("\n"));
    }

    // ------------------------------------------------------------------ outputs

    private static void assertSameOutputs(FeatureColumn a, FeatureColumn b, Batch batch) {
        List<Object> x = outputs(a, batch);
        List<Object> y = outputs(b, batch);
        assertEquals(x.size(), y.size());
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i) instanceof float[] f) {
                assertArrayEquals(f, (float[]) y.get(i), a.name());
            } else {
                assertSameIds(a.name(), (SparseIds) x.get(i), (SparseIds) y.get(i));
            }
        }
    }

    /** A column's ids (if categorical) and dense values (if dense) for the batch, with seed-7 embedding tables. */
    private static List<Object> outputs(FeatureColumn c, Batch batch) {
        TransformContext ctx = new TransformContext(batch, new EmbeddingTables(7));
        List<Object> out = new ArrayList<>();
        if (c instanceof CategoricalColumn cat) {
            out.add(cat.ids(ctx));
        }
        if (c instanceof DenseColumn d) {
            float[] values = new float[batch.numRows() * d.width()];
            d.writeDense(ctx, values, d.width(), 0);
            out.add(values);
        }
        assertFalse(out.isEmpty(), c.name());
        return out;
    }

    private static void assertSameIds(String name, SparseIds x, SparseIds y) {
        assertEquals(x.numRows(), y.numRows(), name);
        for (int r = 0; r < x.numRows(); r++) {
            assertArrayEquals(x.row(r), y.row(r), name + " row " + r);
            assertArrayEquals(x.rowWeights(r), y.rowWeights(r), name + " row " + r);
        }
    }

    @Test
    void embeddingOutputsAreNotTrivial() throws IOException {
        // Guards the round-trip test against comparing zeros: embeddings of present ids are non-zero.
        EmbeddingColumn e = (EmbeddingColumn) adaptedColumns().get(25);
        float[] values = (float[]) outputs(e, batch()).get(0);
        assertTrue(Math.abs(values[0]) + Math.abs(values[1]) + Math.abs(values[2]) > 0);
    }
}
