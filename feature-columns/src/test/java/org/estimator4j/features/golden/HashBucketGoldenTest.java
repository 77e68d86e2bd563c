package org.estimator4j.features.golden;

import static org.estimator4j.features.golden.Golden.assertError;
import static org.estimator4j.features.golden.Golden.assertIds;
import static org.estimator4j.features.golden.Golden.fixed;
import static org.estimator4j.features.golden.Golden.ids;
import static org.estimator4j.features.golden.Golden.rows;
import static org.estimator4j.features.golden.Golden.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.HashBucketColumn;
import org.junit.jupiter.api.Test;

/**
 * Golden values of {@code categorical_column_with_hash_bucket}, from TensorFlow's
 * {@code tensorflow/python/feature_column/feature_column_v2_test.py}, class {@code HashedCategoricalColumnTest} (and
 * {@code OldLinearModelTest} for 4 buckets).
 */
class HashBucketGoldenTest {
    private static Batch wire(DType dtype, Object row0, Object row1) {
        return rows(variable("wire", dtype)).row("wire", row0).row("wire", row1).batch();
    }

    /** HashedCategoricalColumnTest.test_defaults / test_deep_copy. */
    @Test
    void defaults() {
        HashBucketColumn c = FeatureColumns.categoricalColumnWithHashBucket("aaa", 10);
        assertEquals("aaa", c.name());
        assertEquals("aaa", c.key());
        assertEquals(10, c.hashBucketSize());
        assertEquals(10, c.numBuckets());
        assertEquals(DType.STRING, c.dtype());
    }

    /**
     * HashedCategoricalColumnTest.test_strings_should_be_hashed: values ['omar', 'stringer', 'marlo'] at indices
     * [[0, 0], [1, 0], [1, 1]], 10 buckets → [6, 4, 1].
     */
    @Test
    void stringsShouldBeHashed() {
        HashBucketColumn c = FeatureColumns.categoricalColumnWithHashBucket("wire", 10);
        assertIds(
                new long[][] {{6}, {4, 1}}, ids(c, wire(DType.STRING, List.of("omar"), List.of("stringer", "marlo"))));
    }

    /**
     * HashedCategoricalColumnTest.test_ints_should_be_hashed (and test_int32_64_is_compatible): int64 values
     * [101, 201, 301] at [[0, 0], [1, 0], [1, 1]], 10 buckets → [3, 7, 5] (ints hash as their decimal strings).
     */
    @Test
    void intsShouldBeHashed() {
        HashBucketColumn c = FeatureColumns.categoricalColumnWithHashBucket("wire", 10, DType.INT64);
        assertIds(new long[][] {{3}, {7, 5}}, ids(c, wire(DType.INT64, List.of(101L), List.of(201L, 301L))));
    }

    /**
     * HashedCategoricalColumnTest.test_old_linear_model: 4 buckets, ('marlo', 'skywalker', 'omar') at
     * ((0,0),(1,0),(1,1)): "'marlo' -> 3", "'skywalker' -> 2, 'omar' -> 2".
     */
    @Test
    void fourBucketsOldLinearModel() {
        HashBucketColumn c = FeatureColumns.categoricalColumnWithHashBucket("wire", 4);
        assertIds(
                new long[][] {{3}, {2, 2}}, ids(c, wire(DType.STRING, List.of("marlo"), List.of("skywalker", "omar"))));
    }

    /**
     * OldLinearModelTest.test_sparse_bias / test_sparse_multi_rank: wire_cast, 4 buckets,
     * values=['omar', 'stringer', 'marlo', 'omar'] "# hashed = [2, 0, 3, 2]".
     */
    @Test
    void fourBucketsSparseBias() {
        HashBucketColumn c = FeatureColumns.categoricalColumnWithHashBucket("wire_cast", 4);
        Batch b = rows(variable("wire_cast", DType.STRING))
                .row("wire_cast", List.of("omar", "stringer"))
                .row("wire_cast", List.of("marlo", "omar"))
                .batch();
        assertIds(new long[][] {{2, 0}, {3, 2}}, ids(c, b));
    }

    /**
     * HashedCategoricalColumnTest.test_get_sparse_tensors_dense_input: dense {@code (('omar', ''), ('stringer',
     * 'marlo'))}; '' is dropped when the dense input is made sparse (_to_sparse_input_and_drop_ignore_values), so
     * the ids are those of test_strings_should_be_hashed: [6], [4, 1].
     */
    @Test
    void denseInputDropsEmptyStrings() {
        HashBucketColumn c = FeatureColumns.categoricalColumnWithHashBucket("wire", 10);
        Batch b = rows(fixed("wire", DType.STRING, 2))
                .row("wire", List.of("omar", ""))
                .row("wire", List.of("stringer", "marlo"))
                .batch();
        assertIds(new long[][] {{6}, {4, 1}}, ids(c, b));
    }

    /** A variable-length (SparseTensor) input keeps '' as a value: only dense inputs drop it. */
    @Test
    void sparseInputKeepsEmptyStrings() {
        HashBucketColumn c = FeatureColumns.categoricalColumnWithHashBucket("wire", 10);
        Batch b = rows(variable("wire", DType.STRING))
                .row("wire", List.of("omar", ""))
                .batch();
        assertEquals(2, ids(c, b).count(0));
    }

    /** A missing row and an empty list have no ids. */
    @Test
    void missingAndEmptyRowsHaveNoIds() {
        HashBucketColumn c = FeatureColumns.categoricalColumnWithHashBucket("wire", 10);
        Batch b = rows(variable("wire", DType.STRING))
                .row("wire", null)
                .row("wire", List.of())
                .batch();
        assertIds(new long[][] {{}, {}}, ids(c, b));
    }

    /** HashedCategoricalColumnTest.test_bucket_size_should_be_positive: 0 → 'hash_bucket_size must be at least 1'. */
    @Test
    void bucketSizeMustBePositive() {
        assertError(() -> FeatureColumns.categoricalColumnWithHashBucket("aaa", 0), "aaa", "hash_bucket_size");
        assertError(() -> FeatureColumns.categoricalColumnWithHashBucket("aaa", -1), "hash_bucket_size");
    }

    /** HashedCategoricalColumnTest.test_dtype_should_be_string_or_integer: float32 → 'dtype must be string or integer'. */
    @Test
    void dtypeMustBeStringOrInteger() {
        assertError(
                () -> FeatureColumns.categoricalColumnWithHashBucket("aaa", 10, DType.FLOAT32),
                "aaa",
                "dtype must be string or int64",
                "float32");
    }

    /**
     * HashedCategoricalColumnTest.test_dtype_should_match_with_tensor: an int64 column over the string values
     * ['omar'] → 'dtype must be compatible'; the error names the column, the expected and the actual type.
     */
    @Test
    void wrongRawType() {
        HashBucketColumn c = FeatureColumns.categoricalColumnWithHashBucket("wire", 10, DType.INT64);
        Batch b = rows(variable("wire", DType.STRING))
                .row("wire", List.of("omar"))
                .batch();
        assertError(() -> ids(c, b), "'wire'", "int64", "string");
    }
}
