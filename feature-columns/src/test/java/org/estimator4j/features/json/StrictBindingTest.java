package org.estimator4j.features.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.Normalizer;
import org.junit.jupiter.api.Test;

/**
 * Where Jackson's defaults are lenient (numeric strings, fractions for integers, numbers for strings and booleans,
 * "INF") the column binding refuses, with the path and what was expected; and refusals inside nested objects (a
 * normalizer, an initializer's config) name their own key.
 */
class StrictBindingTest {
    private static String error(String config) {
        return assertThrows(FeatureColumnJsonException.class, () -> FeatureColumnJson.readColumn(config))
                .getMessage();
    }

    private static String hashed(String size) {
        return "{\"class_name\": \"HashedCategoricalColumn\", \"config\": {\"key\": \"x\", \"hash_bucket_size\": "
                + size + "}}";
    }

    @Test
    void scalarsAreNotCoerced() {
        assertEquals(
                "column.config.hash_bucket_size: expected an integer, got the string \"10\"", error(hashed("\"10\"")));
        assertEquals("column.config.hash_bucket_size: expected an integer, got the number 1.5", error(hashed("1.5")));
        assertEquals(
                "column.config.hash_bucket_size: expected an integer, got the number 18446744073709551616",
                error(hashed("18446744073709551616")));
        assertEquals("column.config.key: expected a string, got the number 5", error("""
                {"class_name": "NumericColumn", "config": {"key": 5}}"""));
        assertEquals("column.config.trainable: expected true or false, got the number 1", error("""
                {"class_name": "EmbeddingColumn", "config": {"dimension": 2, "trainable": 1, "categorical_column":
                  {"class_name": "IdentityCategoricalColumn", "config": {"key": "i", "number_buckets": 3}}}}"""));
        assertEquals("column.config.boundaries[0]: expected a number, got the string \"INF\"", error("""
                {"class_name": "BucketizedColumn", "config": {"boundaries": ["INF"],
                  "source_column": {"class_name": "NumericColumn", "config": {"key": "x"}}}}"""));
        assertEquals("column.config.shape[1]: expected an integer, got null", error("""
                {"class_name": "NumericColumn", "config": {"key": "x", "shape": [1, null]}}"""));
        assertEquals("column.config.default_value[1][0]: expected a number, got the string \"a\"", error("""
                {"class_name": "NumericColumn", "config": {"key": "x", "shape": [2, 1], "default_value": [[1], ["a"]]}}"""));
    }

    @Test
    void aShapeMayBeOneNumberAndDecimalsAreRoundedOnceFromTheirText() {
        // Just above the midpoint 1 + 2^-24 between the floats 1 and 1 + 2^-23: via double it would round to the
        // midpoint and then, ties to even, down to 1; rounded once from the text it is 1 + 2^-23.
        String text = "1.00000005960464477539062500000001";
        float once = Float.parseFloat(text);
        assertEquals(1.0000001f, once);
        assertEquals(
                FeatureColumns.numericColumn("x", new int[] {3}, new float[] {once, once, once}, null),
                FeatureColumnJson.readColumn("""
                {"class_name": "NumericColumn", "config": {"key": "x", "shape": 3, "default_value": %s}}""".formatted(text)));
    }

    @Test
    void aNormalizersKindIsCheckedAtItsKey() {
        String numeric = "{\"class_name\": \"NumericColumn\", \"config\": {\"key\": \"x\", \"normalizer\": %s}}";
        assertEquals(
                "column.config.normalizer.kind: unknown normalizer kind 'z_score'; use none, standardize or "
                        + "min_max",
                error(numeric.formatted("{\"kind\": \"z_score\"}")));
        assertEquals(
                "column.config.normalizer.kind: required key 'kind' of 'normalizer' of NumericColumn 'x' is "
                        + "missing",
                error(numeric.formatted("{\"mean\": 1, \"stddev\": 2}")));
        assertEquals(
                "column.config.normalizer.kind: expected a string, got the number 5",
                error(numeric.formatted("{\"kind\": 5}")));
        assertEquals(
                "column.config.normalizer: expected an object, got the string \"standardize\"",
                error(numeric.formatted("\"standardize\"")));
        assertEquals(
                "column.config.normalizer.min: unknown key 'min' in 'normalizer' of NumericColumn 'x'; known "
                        + "keys: kind, mean, stddev, learned",
                error(numeric.formatted("{\"kind\": \"standardize\", \"min\": 1, \"stddev\": 2}")));
        assertEquals(
                FeatureColumns.numericColumn("x", new int[] {1}, null, Normalizer.none()),
                FeatureColumnJson.readColumn(numeric.formatted("{\"kind\": \"none\"}")));
    }

    @Test
    void anInitializersConfigNamesTheKeyAtFault() {
        String embedding = """
                {"class_name": "EmbeddingColumn", "config": {"dimension": 4, "initializer": {"class_name":
                  "TruncatedNormal", "config": %s}, "categorical_column":
                  {"class_name": "IdentityCategoricalColumn", "config": {"key": "i", "number_buckets": 3}}}}""";
        assertEquals(
                "column.config.initializer.config.stdev: unknown key 'stdev' in the config of TruncatedNormal; "
                        + "known keys: mean, stddev, seed, dtype",
                error(embedding.formatted("{\"stdev\": 0.5}")));
        assertEquals(
                "column.config.initializer.config.stddev: expected a number, got the string \"0.5\"",
                error(embedding.formatted("{\"stddev\": \"0.5\"}")));
        String other = error(embedding.formatted("{\"stddev\": 0.25}"));
        assertEquals(
                "column.config.initializer: only TensorFlow's default initializer is supported",
                other.substring(0, other.indexOf(" (")));
    }

    @Test
    void aCallersTreeOfDoublesReadsAsBefore() throws Exception {
        // Trees parsed without BigDecimal (e.g. by a caller's own mapper) hold doubles, narrowed to float as Java does.
        var tree = new ObjectMapper()
                .readTree("["
                        + hashed("7")
                                .replace("\"hash_bucket_size\": 7", "\"hash_bucket_size\": 7, \"dtype\": \"string\"")
                        + ", {\"class_name\": \"NumericColumn\", \"config\": "
                        + "{\"key\": \"y\", \"default_value\": 0.1}}]");
        assertEquals(
                List.of(
                        FeatureColumns.categoricalColumnWithHashBucket("x", 7),
                        FeatureColumns.numericColumn("y", new int[] {1}, new float[] {(float) 0.1}, null)),
                FeatureColumnJson.fromJson(tree));
    }
}
