package org.estimator4j.features.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.SequenceCategoricalColumn;
import org.estimator4j.features.SequenceFeatures;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.TransformContext;
import org.junit.jupiter.api.Test;

/** Sequence columns in TensorFlow's get_config shape: written, read back equal, and giving the same outputs. */
class SequenceColumnJsonTest {
    private static final ObjectMapper M = new ObjectMapper();

    /** One of each sequence column, over each keyed categorical column, plus indicator and embedding over them. */
    static List<FeatureColumn> sequenceColumns() {
        SequenceCategoricalColumn ids = FeatureColumns.sequenceCategoricalColumnWithIdentity("ids", 4, 0);
        SequenceCategoricalColumn words = FeatureColumns.sequenceCategoricalColumnWithVocabularyList(
                "words", List.of("the", "cat", "sat"), -1, 2);
        return List.of(
                FeatureColumns.sequenceNumericColumn("z"),
                FeatureColumns.sequenceNumericColumn("xy", new int[] {2}, -1.5f, DType.FLOAT64),
                ids,
                FeatureColumns.sequenceCategoricalColumnWithIdentity("ids2", 4),
                FeatureColumns.sequenceCategoricalColumnWithHashBucket("tokens", 100, DType.STRING),
                FeatureColumns.sequenceCategoricalColumnWithHashBucket("codes", 10, DType.INT64),
                words,
                FeatureColumns.indicatorColumn(ids),
                FeatureColumns.embeddingColumn(words, 3));
    }

    @Test
    void everySequenceColumnRoundTrips() {
        List<FeatureColumn> columns = sequenceColumns();
        String json = FeatureColumnJson.write(columns);
        List<FeatureColumn> back = FeatureColumnJson.read(json);
        assertEquals(columns, back, json);
        assertEquals(json, FeatureColumnJson.write(back));
        for (FeatureColumn c : columns) {
            assertEquals(c, FeatureColumnJson.readColumn(FeatureColumnJson.write(c)));
        }
    }

    /** TensorFlow's get_config of sequence_numeric_column: key, shape, default_value, dtype, normalizer_fn. */
    @Test
    void sequenceNumericMatchesTensorFlowsGetConfig() throws IOException {
        assertTfConfig(
                FeatureColumns.sequenceNumericColumn("z"),
                "SequenceNumericColumn",
                "{\"key\": \"z\", \"shape\": [1], \"default_value\": 0.0, \"dtype\": \"float32\","
                        + " \"normalizer_fn\": null}");
        assertTfConfig(
                FeatureColumns.sequenceNumericColumn("xy", new int[] {2, 3}, -1f, DType.INT64),
                "SequenceNumericColumn",
                "{\"key\": \"xy\", \"shape\": [2, 3], \"default_value\": -1.0, \"dtype\": \"int64\","
                        + " \"normalizer_fn\": null}");
    }

    /** TensorFlow's SequenceCategoricalColumn config wraps the categorical column's serialized form. */
    @Test
    void sequenceCategoricalMatchesTensorFlowsGetConfig() throws IOException {
        assertTfConfig(
                FeatureColumns.sequenceCategoricalColumnWithIdentity("ids", 10, 3),
                "SequenceCategoricalColumn",
                "{\"categorical_column\": {\"class_name\": \"IdentityCategoricalColumn\", \"config\":"
                        + " {\"key\": \"ids\", \"number_buckets\": 10, \"default_value\": 3}}}");
        assertTfConfig(
                FeatureColumns.sequenceCategoricalColumnWithHashBucket("w", 50, DType.STRING),
                "SequenceCategoricalColumn",
                "{\"categorical_column\": {\"class_name\": \"HashedCategoricalColumn\", \"config\":"
                        + " {\"key\": \"w\", \"hash_bucket_size\": 50, \"dtype\": \"string\"}}}");
    }

    /** TensorFlow's defaults for keys left out: shape (1,), default_value 0.0, dtype float32. */
    @Test
    void optionalKeysTakeTensorFlowsDefaults() {
        assertEquals(
                FeatureColumns.sequenceNumericColumn("z"),
                FeatureColumnJson.readColumn(
                        "{\"class_name\": \"SequenceNumericColumn\", \"config\": {\"key\": \"z\"}}"));
    }

    @Test
    void refusalsNameTheirPath() {
        assertEquals(
                "column.config.normalizer_fn: is the string \"f\", a Python function that Estimator4J cannot run; leave "
                        + "normalizer_fn null",
                error("{\"class_name\": \"SequenceNumericColumn\", \"config\": {\"key\": \"z\", "
                        + "\"normalizer_fn\": \"f\"}}"));
        assertEquals(
                "column.config.categorical_column: a SequenceCategoricalColumn wraps an identity, hash bucket or "
                        + "vocabulary column, but 'a_X_b' is a CrossedColumn",
                error("{\"class_name\": \"SequenceCategoricalColumn\", \"config\": {\"categorical_column\": "
                        + "{\"class_name\": \"CrossedColumn\", \"config\": {\"keys\": [\"a\", \"b\"], "
                        + "\"hash_bucket_size\": 5}}}}"));
    }

    /** Read columns give SequenceFeatures the same padded values and lengths as the columns written. */
    @Test
    void readColumnsGiveTheSameSequenceFeatures() {
        Schema schema = Schema.of(Field.variable("z", DType.FLOAT32), Field.variable("words", DType.STRING));
        Batch batch = Batch.of(
                schema,
                List.of(
                        Example.builder(schema)
                                .set("z", List.of(1f, 2f))
                                .set("words", List.of("the", "dog"))
                                .build(),
                        Example.builder(schema)
                                .set("z", List.of(3f))
                                .set("words", List.of("cat"))
                                .build()));
        List<FeatureColumn> columns = List.of(
                FeatureColumns.sequenceNumericColumn("z"),
                FeatureColumns.embeddingColumn(
                        FeatureColumns.sequenceCategoricalColumnWithVocabularyList(
                                "words", List.of("the", "cat"), -1, 1),
                        2));
        List<FeatureColumn> back = FeatureColumnJson.read(FeatureColumnJson.write(columns));
        SequenceFeatures.Output a =
                SequenceFeatures.of(columns).transform(new TransformContext(batch, new EmbeddingTables(5)));
        SequenceFeatures.Output b =
                SequenceFeatures.of(back).transform(new TransformContext(batch, new EmbeddingTables(5)));
        assertArrayEquals(new long[] {2, 1}, a.sequenceLengths());
        assertArrayEquals(a.sequenceLengths(), b.sequenceLengths());
        assertArrayEquals(a.values(), b.values());
    }

    private static void assertTfConfig(FeatureColumn column, String className, String tfConfig) throws IOException {
        JsonNode ours = M.readTree(FeatureColumnJson.write(column));
        assertEquals(className, ours.get("class_name").textValue());
        // Numbers compare by value: floats are written short (0 for TensorFlow's 0.0) and read back bit for bit.
        Comparator<JsonNode> byValue = (a, b) ->
                a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
        assertTrue(M.readTree(tfConfig).equals(byValue, ours.get("config")), ours + " vs " + tfConfig);
        assertEquals(
                column,
                FeatureColumnJson.readColumn("{\"class_name\": \"" + className + "\", \"config\": " + tfConfig + "}"));
    }

    private static String error(String json) {
        return assertThrows(FeatureColumnJsonException.class, () -> FeatureColumnJson.readColumn(json))
                .getMessage();
    }
}
