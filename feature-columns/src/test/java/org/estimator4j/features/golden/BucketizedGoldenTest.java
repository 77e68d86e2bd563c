package org.estimator4j.features.golden;

import static org.estimator4j.features.golden.Golden.assertDense;
import static org.estimator4j.features.golden.Golden.assertError;
import static org.estimator4j.features.golden.Golden.assertIds;
import static org.estimator4j.features.golden.Golden.dense;
import static org.estimator4j.features.golden.Golden.f;
import static org.estimator4j.features.golden.Golden.fixed;
import static org.estimator4j.features.golden.Golden.ids;
import static org.estimator4j.features.golden.Golden.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.BucketizedColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.NumericColumn;
import org.junit.jupiter.api.Test;

/**
 * Golden values of {@code bucketized_column}, from {@code tensorflow/python/feature_column/feature_column_v2_test.py},
 * class {@code BucketizedColumnTest}, and the {@code bucketized_column} docstring in {@code feature_column_v2.py}.
 */
class BucketizedGoldenTest {
    private static NumericColumn price(int width) {
        return FeatureColumns.numericColumn("price", new int[] {width}, null, null);
    }

    /** price [[-1.], [1.], [5.], [6.]]. */
    private static Batch oneInputValue() {
        return rows(fixed("price", DType.FLOAT32, 1))
                .row("price", f(-1))
                .row("price", f(1))
                .row("price", f(5))
                .row("price", f(6))
                .batch();
    }

    /** price [[-1., 1.], [5., 6.]]. */
    private static Batch twoInputValues() {
        return rows(fixed("price", DType.FLOAT32, 2))
                .row("price", f(-1, 1))
                .row("price", f(5, 6))
                .batch();
    }

    /** BucketizedColumnTest.test_name, test_variable_shape, test_num_buckets, test_deep_copy. */
    @Test
    void nameShapeAndBuckets() {
        BucketizedColumn one = FeatureColumns.bucketizedColumn(FeatureColumns.numericColumn("aaa"), 0, 1);
        assertEquals("aaa_bucketized", one.name());
        BucketizedColumn two =
                FeatureColumns.bucketizedColumn(FeatureColumns.numericColumn("aaa", new int[] {2}, null, null), 0, 1);
        // "Column 'aaa` has shape [2] times three buckets -> variable_shape=[2, 3]" (flattened: 6 values).
        assertEquals(6, two.width());
        // "Column 'aaa` has shape [2] times three buckets -> num_buckets=6."
        assertEquals(6, two.numBuckets());
        assertArrayEquals(f(0, 1), two.boundaries());
    }

    /**
     * BucketizedColumnTest.test_transform_feature: boundaries [0, 2, 4, 6], price [[-1., 1.], [5., 6.]] → bucket
     * indices [[0, 1], [3, 4]]; as the dense one-hot of each dimension (test_get_dense_tensor_two_input_values):
     * [[[1,0,0,0,0], [0,1,0,0,0]], [[0,0,0,1,0], [0,0,0,0,1]]], flattened by DenseFeatures to 10 values.
     */
    @Test
    void getDenseTensorTwoInputValues() {
        BucketizedColumn b = FeatureColumns.bucketizedColumn(price(2), 0, 2, 4, 6);
        assertDense(
                new float[][] {
                    {1, 0, 0, 0, 0, 0, 1, 0, 0, 0},
                    {0, 0, 0, 1, 0, 0, 0, 0, 0, 1}
                },
                dense(List.of(b), twoInputValues()));
    }

    /** BucketizedColumnTest.test_get_dense_tensor_one_input_value: one-hot of buckets 0, 1, 3, 4. */
    @Test
    void getDenseTensorOneInputValue() {
        BucketizedColumn b = FeatureColumns.bucketizedColumn(price(1), 0, 2, 4, 6);
        assertDense(
                new float[][] {{1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 0, 1, 0}, {0, 0, 0, 0, 1}},
                dense(List.of(b), oneInputValue()));
    }

    /**
     * BucketizedColumnTest.test_get_sparse_tensors_one_input_value: indices [[0, 0], [1, 0], [2, 0], [3, 0]],
     * values [0, 1, 3, 4], dense_shape [4, 1], no weights.
     */
    @Test
    void getSparseTensorsOneInputValue() {
        BucketizedColumn b = FeatureColumns.bucketizedColumn(price(1), 0, 2, 4, 6);
        assertIds(new long[][] {{0}, {1}, {3}, {4}}, ids(b, oneInputValue()));
        assertEquals(null, ids(b, oneInputValue()).weights());
    }

    /**
     * BucketizedColumnTest.test_get_sparse_tensors_two_input_values: "Values 0-4 correspond to the first column of
     * the input price. Values 5-9 correspond to the second column" → indices [[0, 0], [0, 1], [1, 0], [1, 1]], values
     * [0, 6, 3, 9] (also test_old_linear_model_two_input_values: "price 1. is in the 6th bucket", "6. is in the 9th").
     */
    @Test
    void getSparseTensorsTwoInputValues() {
        BucketizedColumn b = FeatureColumns.bucketizedColumn(price(2), 0, 2, 4, 6);
        assertIds(new long[][] {{0, 6}, {3, 9}}, ids(b, twoInputValues()));
    }

    /**
     * TransformFeaturesTest.transform_multi_column: bucketized_column(numeric_column('price'), [0, 2, 4, 6]) with
     * price [[-1.], [5.]] → [[0], [3]].
     */
    @Test
    void transformMultiColumn() {
        BucketizedColumn b = FeatureColumns.bucketizedColumn(FeatureColumns.numericColumn("price"), 0, 2, 4, 6);
        Batch batch = rows(Golden.scalar("price", DType.FLOAT32))
                .row("price", -1.0)
                .row("price", 5.0)
                .batch();
        assertIds(new long[][] {{0}, {3}}, ids(b, batch));
    }

    /**
     * bucketized_column docstring: boundaries [0, 10, 100], input [[-5, 10000], [150, 10], [5, 100]] → buckets
     * [[0, 3], [3, 2], [1, 3]] ("Buckets include the left boundary, and exclude the right boundary").
     */
    @Test
    void docstringExample() {
        BucketizedColumn b = FeatureColumns.bucketizedColumn(price(2), 0, 10, 100);
        Batch batch = rows(fixed("price", DType.FLOAT32, 2))
                .row("price", f(-5, 10000))
                .row("price", f(150, 10))
                .row("price", f(5, 100))
                .batch();
        int[][] buckets = {{0, 3}, {3, 2}, {1, 3}};
        float[][] expected = new float[3][8];
        for (int r = 0; r < 3; r++) {
            for (int d = 0; d < 2; d++) {
                expected[r][d * 4 + buckets[r][d]] = 1;
            }
        }
        assertDense(expected, dense(List.of(b), batch));
    }

    /**
     * TensorFlow's Bucketize CPU kernel ({@code tensorflow/core/kernels/bucketize_op.cc}, BucketizeFunctor) puts NaN in
     * the last bucket and infinities in the first and last. Estimator4J deliberately differs (README, the non-finite
     * policy): NaN and infinities are refused, naming the row and the value, since TensorFlow's buckets for them are
     * silently wrong answers; -0 is an ordinary number.
     */
    @Test
    void nanAndInfinitiesAreRefused() {
        BucketizedColumn b = FeatureColumns.bucketizedColumn(price(1), 0, 2, 4, 6);
        assertIds(
                new long[][] {{1}},
                ids(
                        b,
                        rows(fixed("price", DType.FLOAT32, 1))
                                .row("price", f(-0f))
                                .batch()));
        for (float bad : new float[] {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY}) {
            Batch batch = rows(fixed("price", DType.FLOAT32, 1))
                    .row("price", f(1f))
                    .row("price", f(bad))
                    .batch();
            org.estimator4j.features.FeatureColumnException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.estimator4j.features.FeatureColumnException.class, () -> ids(b, batch));
            org.junit.jupiter.api.Assertions.assertTrue(
                    e.getMessage()
                            .startsWith("row 1: numeric column 'price' " + "has the value " + bad
                                    + ", which is not a finite float32 number"),
                    e.getMessage());
        }
    }

    /**
     * BucketizedColumnTest.test_invalid_boundaries: None → 'boundaries must not be empty'; [1, 0] and [1, 1] →
     * 'boundaries must be a sorted list' (strictly increasing).
     */
    @Test
    void invalidBoundaries() {
        NumericColumn a = FeatureColumns.numericColumn("aaa");
        assertError(() -> FeatureColumns.bucketizedColumn(a), "aaa_bucketized", "boundaries must not be empty");
        assertError(() -> FeatureColumns.bucketizedColumn(a, 1, 0), "aaa_bucketized", "strictly increasing");
        assertError(() -> FeatureColumns.bucketizedColumn(a, 1, 1), "aaa_bucketized", "strictly increasing");
    }

    /** BucketizedColumnTest.test_invalid_source_column_shape: shape [2, 3] → 'must be one-dimensional column'. */
    @Test
    void invalidSourceColumnShape() {
        NumericColumn a = FeatureColumns.numericColumn("aaa", new int[] {2, 3}, null, null);
        assertError(() -> FeatureColumns.bucketizedColumn(a, 0, 10), "aaa_bucketized", "one-dimensional");
    }
}
