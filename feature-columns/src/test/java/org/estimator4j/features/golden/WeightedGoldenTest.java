package org.estimator4j.features.golden;

import static org.estimator4j.features.golden.Golden.assertError;
import static org.estimator4j.features.golden.Golden.assertIds;
import static org.estimator4j.features.golden.Golden.assertWeights;
import static org.estimator4j.features.golden.Golden.f;
import static org.estimator4j.features.golden.Golden.fixed;
import static org.estimator4j.features.golden.Golden.ids;
import static org.estimator4j.features.golden.Golden.rows;
import static org.estimator4j.features.golden.Golden.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.SparseIds;
import org.estimator4j.features.WeightedCategoricalColumn;
import org.junit.jupiter.api.Test;

/**
 * Golden values of {@code weighted_categorical_column}, from
 * {@code tensorflow/python/feature_column/feature_column_v2_test.py}, class {@code WeightedCategoricalColumnTest}.
 */
class WeightedGoldenTest {
    private static WeightedCategoricalColumn column() {
        return FeatureColumns.weightedCategoricalColumn(
                FeatureColumns.categoricalColumnWithIdentity("ids", 3), "values");
    }

    /** WeightedCategoricalColumnTest.test_defaults: name 'ids_weighted_by_values', num_buckets 3. */
    @Test
    void defaults() {
        WeightedCategoricalColumn c = column();
        assertEquals("ids_weighted_by_values", c.name());
        assertEquals(3, c.numBuckets());
        assertEquals("values", c.weightFeatureKey());
    }

    /**
     * WeightedCategoricalColumnTest.test_transform_features: ids (0, 1, 0) and weights (0.5, 1.0, 0.1) at
     * ((0, 0), (1, 0), (1, 1)) → both unchanged.
     */
    @Test
    void transformFeatures() {
        Batch batch = rows(variable("ids", DType.INT64), variable("values", DType.FLOAT32))
                .row("ids", List.of(0L), "values", f(.5f))
                .row("ids", List.of(1L, 0L), "values", f(1f, .1f))
                .batch();
        SparseIds ids = ids(column(), batch);
        assertIds(new long[][] {{0}, {1, 0}}, ids);
        assertWeights(new float[][] {{.5f}, {1f, .1f}}, ids);
    }

    /**
     * WeightedCategoricalColumnTest.test_transform_features_dense_input: ids ((0, -1), (1, 0)) dense → indices
     * ((0, 0), (1, 0), (1, 1)), values (0, 1, 0); weights (sparse) unchanged.
     */
    @Test
    void transformFeaturesDenseInput() {
        Batch batch = rows(fixed("ids", DType.INT64, 2), variable("values", DType.FLOAT32))
                .row("ids", new long[] {0, -1}, "values", f(.5f))
                .row("ids", new long[] {1, 0}, "values", f(1f, .1f))
                .batch();
        SparseIds ids = ids(column(), batch);
        assertIds(new long[][] {{0}, {1, 0}}, ids);
        assertWeights(new float[][] {{.5f}, {1f, .1f}}, ids);
    }

    /**
     * WeightedCategoricalColumnTest.test_transform_features_dense_weights: ids (2, 1, 0) at ((0,0),(1,0),(1,1)),
     * weights ((.5, 0.), (1., .1)) dense → weight indices ((0, 0), (1, 0), (1, 1)), values (.5, 1., .1): a dense
     * weight of 0. is dropped (_to_sparse_input_and_drop_ignore_values, ignore value 0.0).
     */
    @Test
    void transformFeaturesDenseWeights() {
        Batch batch = rows(variable("ids", DType.INT64), fixed("values", DType.FLOAT32, 2))
                .row("ids", List.of(2L), "values", f(.5f, 0f))
                .row("ids", List.of(1L, 0L), "values", f(1f, .1f))
                .batch();
        SparseIds ids = ids(column(), batch);
        assertIds(new long[][] {{2}, {1, 0}}, ids);
        assertWeights(new float[][] {{.5f}, {1f, .1f}}, ids);
    }

    /**
     * WeightedCategoricalColumnTest.test_old_linear_model: ids (0, 2, 1), weights (.5, 1., .1), weight_var
     * ((1.,), (2.,), (3.,)) → ((.5,), (3.2,)) ("1 * .5 = .5"; "3*1 + 2*.1 = 3.2").
     */
    @Test
    void oldLinearModel() {
        Batch batch = rows(variable("ids", DType.INT64), variable("values", DType.FLOAT32))
                .row("ids", List.of(0L), "values", f(.5f))
                .row("ids", List.of(2L, 1L), "values", f(1f, .1f))
                .batch();
        SparseIds ids = ids(column(), batch);
        float[] weightVar = {1, 2, 3};
        float[] expected = {.5f, 3.2f};
        for (int r = 0; r < 2; r++) {
            float sum = 0;
            for (int i = 0; i < ids.count(r); i++) {
                sum += weightVar[(int) ids.id(r, i)] * ids.weight(r, i);
            }
            assertEquals(expected[r], sum, 1e-6f);
        }
    }

    /** WeightedCategoricalColumnTest.test_missing_weights: 'values is not in features dictionary'. */
    @Test
    void missingWeights() {
        Batch batch = rows(variable("ids", DType.INT64)).row("ids", List.of(0L)).batch();
        assertError(() -> ids(column(), batch), "ids_weighted_by_values", "'values'", "[ids]");
    }

    /**
     * WeightedCategoricalColumnTest.test_invalid_dtype_string (a string weight dtype → 'is not convertible to
     * float'): here the weight feature's type is the data's, so string weights are refused when read.
     */
    @Test
    void stringWeights() {
        Batch batch = rows(variable("ids", DType.INT64), variable("values", DType.STRING))
                .row("ids", List.of(0L), "values", List.of("x"))
                .batch();
        assertError(() -> ids(column(), batch), "ids_weighted_by_values", "'values'", "float32", "string");
    }

    /**
     * WeightedCategoricalColumnTest.test_column_name_collision (weight_feature_key='aaa' on a column of key 'aaa')
     * → r'Parse config.*already exists'.
     */
    @Test
    void weightKeyIsTheIdsKey() {
        assertError(
                () -> FeatureColumns.weightedCategoricalColumn(
                        FeatureColumns.categoricalColumnWithIdentity("aaa", 3), "aaa"),
                "aaa_weighted_by_aaa",
                "'aaa'");
    }

    /** WeightedCategoricalColumnTest.test_invalid_input_dtype: string ids → 'Bad dtype'. */
    @Test
    void stringIds() {
        Batch batch = rows(variable("ids", DType.STRING), variable("values", DType.FLOAT32))
                .row("ids", List.of("omar"), "values", f(1))
                .batch();
        assertError(() -> ids(column(), batch), "'ids'", "int64", "string");
    }

    /**
     * WeightedCategoricalColumnTest.test_old_linear_model_mismatched_shape: ids at ((0, 0), (1, 0), (1, 1)) and
     * weights at ((0, 0), (0, 1), (1, 0), (1, 1)) → r'Dimensions.*are not compatible'.
     */
    @Test
    void mismatchedShape() {
        Batch batch = rows(variable("ids", DType.INT64), variable("values", DType.FLOAT32))
                .row("ids", List.of(0L), "values", f(.5f, 11f))
                .row("ids", List.of(2L, 1L), "values", f(1f, .1f))
                .batch();
        assertError(() -> ids(column(), batch), "ids_weighted_by_values", "row 0", "1 ids", "2 weights");
    }

    /**
     * WeightedCategoricalColumnTest.test_old_linear_model_mismatched_dense_values: ids (0, 2, 1) at
     * ((0, 0), (1, 0), (1, 1)) with dense weights ((.5,), (1.,)) → OpError 'Incompatible shapes'.
     */
    @Test
    void mismatchedDenseValues() {
        Batch batch = rows(variable("ids", DType.INT64), fixed("values", DType.FLOAT32, 1))
                .row("ids", List.of(0L), "values", f(.5f))
                .row("ids", List.of(2L, 1L), "values", f(1f))
                .batch();
        assertError(() -> ids(column(), batch), "ids_weighted_by_values", "row 1", "2 ids", "1 weights");
    }
}
