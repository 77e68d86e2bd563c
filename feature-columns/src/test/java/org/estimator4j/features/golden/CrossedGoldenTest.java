package org.estimator4j.features.golden;

import static org.estimator4j.features.golden.Golden.assertError;
import static org.estimator4j.features.golden.Golden.assertIds;
import static org.estimator4j.features.golden.Golden.f;
import static org.estimator4j.features.golden.Golden.fixed;
import static org.estimator4j.features.golden.Golden.ids;
import static org.estimator4j.features.golden.Golden.rows;
import static org.estimator4j.features.golden.Golden.scalar;
import static org.estimator4j.features.golden.Golden.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.BucketizedColumn;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.CrossedColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.NumericColumn;
import org.estimator4j.features.SparseIds;
import org.estimator4j.features.hash.TfFingerprint;
import org.junit.jupiter.api.Test;

/**
 * Golden values of {@code crossed_column}, from {@code tensorflow/python/feature_column/feature_column_v2_test.py},
 * class {@code CrossedColumnTest}, and of {@code sparse_cross_hashed} (which crossed_column runs), from
 * {@code tensorflow/python/kernel_tests/sparse_ops/sparse_cross_op_test.py}, class {@code SparseCrossOpTest}.
 */
class CrossedGoldenTest {
    private static final long DEFAULT_HASH_KEY = 0xDECAFCAFFEL;

    /** {@code a = numeric_column('a', shape=(2,)); b = bucketized_column(a, boundaries=(0, 1))}. */
    private static BucketizedColumn b() {
        NumericColumn a = FeatureColumns.numericColumn("a", new int[] {2}, null, null);
        return FeatureColumns.bucketizedColumn(a, 0, 1);
    }

    /**
     * The features of test_get_sparse_tensors: 'a' = ((-1., .5), (.5, 1.)) dense; 'c', 'd1', 'd2' SparseTensors with
     * indices ((0, 0), (1, 0), (1, 1)).
     */
    private static Batch features() {
        return rows(
                        fixed("a", DType.FLOAT32, 2),
                        variable("c", DType.STRING),
                        variable("d1", DType.STRING),
                        variable("d2", DType.STRING))
                .row("a", f(-1f, .5f), "c", List.of("cA"), "d1", List.of("d1A"), "d2", List.of("d2A"))
                .row(
                        "a",
                        f(.5f, 1f),
                        "c",
                        List.of("cB", "cC"),
                        "d1",
                        List.of("d1B", "d1C"),
                        "d2",
                        List.of("d2B", "d2C"))
                .batch();
    }

    /** CrossedColumnTest.test_name / test_name_ordered_alphabetically / test_name_leaf_keys_ordered_alphabetically. */
    @Test
    void names() {
        BucketizedColumn b = b();
        CrossedColumn crossed1 = FeatureColumns.crossedColumn(List.of("d1", "d2"), 10);
        assertEquals(
                "a_bucketized_X_c_X_d1_X_d2",
                FeatureColumns.crossedColumn(List.of(b, "c", crossed1), 10).name());
        assertEquals(
                "a_bucketized_X_c_X_d1_X_d2",
                FeatureColumns.crossedColumn(List.of(crossed1, "c", b), 10).name());
        CrossedColumn crossed1b = FeatureColumns.crossedColumn(List.of("d2", "c"), 10);
        assertEquals(
                "a_bucketized_X_c_X_d1_X_d2",
                FeatureColumns.crossedColumn(List.of(crossed1b, "d1", b), 10).name());
    }

    /** CrossedColumnTest.test_num_buckets and test_deep_copy. */
    @Test
    void numBucketsAndHashKey() {
        CrossedColumn crossed1 = FeatureColumns.crossedColumn(List.of("d1", "d2"), 10);
        CrossedColumn crossed2 = FeatureColumns.crossedColumn(List.of(b(), "c", crossed1), 15, 5);
        assertEquals(15, FeatureColumns.crossedColumn(List.of(b(), "c"), 15).numBuckets());
        assertEquals(15, crossed2.hashBucketSize());
        assertEquals(5, crossed2.hashKey());
    }

    /**
     * CrossedColumnTest.test_get_sparse_tensors_simple: crossed_column([b, 'c'], hash_bucket_size=5, hash_key=5);
     * indices ((0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (1, 3)), values (1, 0, 1, 3, 4, 2), dense_shape (2, 4).
     */
    @Test
    void getSparseTensorsSimple() {
        CrossedColumn crossed = FeatureColumns.crossedColumn(List.of(b(), "c"), 5, 5);
        assertIds(new long[][] {{1, 0}, {1, 3, 4, 2}}, ids(crossed, features()));
    }

    /**
     * CrossedColumnTest.test_old_linear_model: the same cross with weights ((1.,), (2.,), (3.,), (4.,), (5.,)) gives
     * predictions ((3.,), (14.,)) ("Expected ids after cross = (1, 0, 1, 3, 4, 2)").
     */
    @Test
    void oldLinearModel() {
        CrossedColumn crossed = FeatureColumns.crossedColumn(List.of(b(), "c"), 5, 5);
        SparseIds ids = ids(crossed, features());
        float[] weights = {1, 2, 3, 4, 5};
        float[] expected = {3, 14};
        for (int r = 0; r < 2; r++) {
            float sum = 0;
            for (long id : ids.row(r)) {
                sum += weights[(int) id];
            }
            assertEquals(expected[r], sum, 1e-6f);
        }
    }

    /**
     * CrossedColumnTest.test_get_sparse_tensors: crossed2 = crossed_column([b, 'c', crossed1], 15, hash_key=5) with
     * crossed1 = crossed_column(['d1', 'd2'], 10) nested (flattened: a 4-way cross); dense_shape (2, 16), values
     * (6, 14, 0, 13, 8, 8, 10, 12, 2, 0, 1, 9, 8, 12, 2, 0, 10, 11).
     */
    @Test
    void getSparseTensorsNested() {
        CrossedColumn crossed1 = FeatureColumns.crossedColumn(List.of("d1", "d2"), 10);
        CrossedColumn crossed2 = FeatureColumns.crossedColumn(List.of(b(), "c", crossed1), 15, 5);
        assertIds(
                new long[][] {{6, 14}, {0, 13, 8, 8, 10, 12, 2, 0, 1, 9, 8, 12, 2, 0, 10, 11}},
                ids(crossed2, features()));
    }

    /**
     * CrossedColumnTest.test_transform_feature: crossed_column([bucketized(price, [0, 50]), 'wire'], 10), price
     * [[1., 2.], [5., 6.]], wire ['omar'], ['stringer', 'marlo']: indices [[0, 0], [0, 1], [1, 0], [1, 1], [1, 2],
     * [1, 3]], every value in range(10), dense_shape [2, 4].
     */
    @Test
    void transformFeature() {
        NumericColumn price = FeatureColumns.numericColumn("price", new int[] {2}, null, null);
        CrossedColumn crossed =
                FeatureColumns.crossedColumn(List.of(FeatureColumns.bucketizedColumn(price, 0, 50), "wire"), 10);
        Batch batch = rows(fixed("price", DType.FLOAT32, 2), variable("wire", DType.STRING))
                .row("price", f(1, 2), "wire", List.of("omar"))
                .row("price", f(5, 6), "wire", List.of("stringer", "marlo"))
                .batch();
        SparseIds ids = ids(crossed, batch);
        assertEquals(2, ids.count(0));
        assertEquals(4, ids.count(1));
        for (long id : Golden.flat(ids)) {
            assertTrue(id >= 0 && id < 10, "id " + id);
        }
    }

    /**
     * SparseCrossOpTest.test_hashed_no_hash_key (num_buckets=100 → [[83]]) and test_hashed_output
     * (num_buckets=100, hash_key=_DEFAULT_HASH_KEY + 1 → [[31]]), through crossed_column over three raw sparse
     * string features.
     */
    @Test
    void sparseCrossHashedThroughCrossedColumn() {
        Batch batch = rows(variable("fc1", DType.STRING), variable("fc2", DType.STRING), variable("fc3", DType.STRING))
                .row("fc1", List.of("batch1-FC1-F1"), "fc2", List.of("batch1-FC2-F1"), "fc3", List.of("batch1-FC3-F1"))
                .batch();
        assertIds(new long[][] {{83}}, ids(FeatureColumns.crossedColumn(List.of("fc1", "fc2", "fc3"), 100), batch));
        assertIds(
                new long[][] {{31}},
                ids(FeatureColumns.crossedColumn(List.of("fc1", "fc2", "fc3"), 100, DEFAULT_HASH_KEY + 1), batch));
    }

    /**
     * SparseCrossOpTest.test_hashed_3x1x2: 3 x 1 x 2 string values, num_buckets=1000 → 6 values, indices
     * [[0, i] for i in range(6)], all in [0, 1000), all different.
     */
    @Test
    void hashed3x1x2() {
        Batch batch = rows(variable("fc1", DType.STRING), variable("fc2", DType.STRING), variable("fc3", DType.STRING))
                .row(
                        "fc1",
                        List.of("batch1-FC1-F1", "batch1-FC1-F2", "batch1-FC1-F3"),
                        "fc2",
                        List.of("batch1-FC2-F1"),
                        "fc3",
                        List.of("batch1-FC3-F1", "batch1-FC3-F2"))
                .batch();
        long[] row = ids(FeatureColumns.crossedColumn(List.of("fc1", "fc2", "fc3"), 1000), batch)
                .row(0);
        assertEquals(6, row.length);
        Set<Long> distinct = new HashSet<>();
        for (long v : row) {
            assertTrue(v >= 0 && v < 1000);
            distinct.add(v);
        }
        assertEquals(6, distinct.size());
    }

    /**
     * SparseCrossOpTest.test_hashed__has_no_collision: t1 = [[359], [359 + 1024]] and t2 = [range(10), range(10)]
     * (dense int64), sparse_cross_hashed([t2, t1], num_buckets=1024, hash_key=_DEFAULT_HASH_KEY + 1): no value of
     * row 0 equals row 1's at the same position.
     */
    @Test
    void hashedHasNoCollision() {
        Batch batch = rows(scalar("t1", DType.INT64), fixed("t2", DType.INT64, 10))
                .row("t1", 359L, "t2", new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
                .row("t1", 359L + 1024, "t2", new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
                .batch();
        SparseIds ids = ids(FeatureColumns.crossedColumn(List.of("t2", "t1"), 1024, DEFAULT_HASH_KEY + 1), batch);
        assertEquals(10, ids.count(0));
        assertEquals(10, ids.count(1));
        for (int i = 0; i < 10; i++) {
            assertTrue(ids.id(0, i) != ids.id(1, i), "position " + i);
        }
    }

    /**
     * sparse_ops._sparse_cross_internal: {@code hash_key=hash_key or _DEFAULT_HASH_KEY}, so hash_key 0 is the
     * default 0xDECAFCAFFE.
     */
    @Test
    void hashKeyZeroMeansDefault() {
        CrossedColumn zero = FeatureColumns.crossedColumn(List.of(b(), "c"), 15, 0);
        CrossedColumn none = FeatureColumns.crossedColumn(List.of(b(), "c"), 15);
        assertEquals(DEFAULT_HASH_KEY, zero.hashKey());
        assertEquals(DEFAULT_HASH_KEY, none.hashKey());
        assertIds(
                new long[][] {
                    ids(none, features()).row(0), ids(none, features()).row(1)
                },
                ids(zero, features()));
    }

    private static long cross(long hashKey, long buckets, long... features) {
        long h = hashKey;
        for (long x : features) {
            h = TfFingerprint.fingerprintCat64(h, x);
        }
        return Long.remainderUnsigned(h, buckets);
    }

    /**
     * sparse_cross_op.cc (HashCrosser, SparseTensorColumn/DenseTensorColumn::Feature): a string value enters as
     * Fingerprint64, an int64 value (raw, or a categorical column's id) as itself; sparse inputs come before dense
     * ones (GenerateColumnsFromInput), whatever the keys' order; the last input varies fastest.
     */
    @Test
    void featureValuesAndOrder() {
        Batch batch = rows(
                        scalar("dense_s", DType.STRING),
                        variable("sparse_i", DType.INT64),
                        scalar("dense_i", DType.INT64),
                        variable("sparse_s", DType.STRING))
                .row("dense_s", "x", "sparse_i", List.of(7L, -3L), "dense_i", -1L, "sparse_s", List.of("y", ""))
                .batch();
        CrossedColumn crossed =
                FeatureColumns.crossedColumn(List.of("dense_s", "sparse_i", "dense_i", "sparse_s"), 1_000_003);
        long x = TfFingerprint.fingerprint64("x");
        long y = TfFingerprint.fingerprint64("y");
        long empty = TfFingerprint.fingerprint64("");
        long k = DEFAULT_HASH_KEY;
        long n = 1_000_003;
        // Order: sparse_i, sparse_s (sparse, as given), then dense_s, dense_i (dense, as given).
        assertIds(
                new long[][] {
                    {
                        cross(k, n, 7, y, x, -1),
                        cross(k, n, 7, empty, x, -1),
                        cross(k, n, -3, y, x, -1),
                        cross(k, n, -3, empty, x, -1)
                    }
                },
                ids(crossed, batch));
    }

    /** A categorical column's ids enter the cross as int64 values: a vocabulary column's -1 (OOV) included. */
    @Test
    void categoricalIdsEnterAsInt64() {
        CategoricalColumn vocab = FeatureColumns.categoricalColumnWithVocabularyList("v", List.of("p", "q"));
        Batch batch = rows(variable("v", DType.STRING), variable("s", DType.STRING))
                .row("v", List.of("q", "zzz"), "s", List.of("t"))
                .batch();
        long t = TfFingerprint.fingerprint64("t");
        long k = DEFAULT_HASH_KEY;
        assertIds(
                new long[][] {{cross(k, 97, 1, t), cross(k, 97, -1, t)}},
                ids(FeatureColumns.crossedColumn(List.of(vocab, "s"), 97), batch));
    }

    /**
     * An identity column's negative ids stay in its id tensor (its transform only casts to int64), so a cross hashes
     * them as int64 values.
     */
    @Test
    void negativeIdentityIdsAreCrossed() {
        CategoricalColumn identity = FeatureColumns.categoricalColumnWithIdentity("i", 3);
        Batch batch = rows(variable("i", DType.INT64), variable("s", DType.STRING))
                .row("i", List.of(-9L, 2L), "s", List.of("t"))
                .batch();
        long t = TfFingerprint.fingerprint64("t");
        long k = DEFAULT_HASH_KEY;
        assertIds(
                new long[][] {{cross(k, 1000, -9, t), cross(k, 1000, 2, t)}},
                ids(FeatureColumns.crossedColumn(List.of(identity, "s"), 1000), batch));
    }

    /**
     * A raw dense string key enters the cross as it is (transformation_cache.get(key), not made sparse): every cell,
     * '' included, is a value; the row's cells in order.
     */
    @Test
    void denseRawStringsKeepEmptyStrings() {
        Batch batch = rows(fixed("d", DType.STRING, 2), variable("s", DType.STRING))
                .row("d", List.of("p", ""), "s", List.of("t"))
                .batch();
        long k = DEFAULT_HASH_KEY;
        long t = TfFingerprint.fingerprint64("t");
        // Sparse 's' first, then dense 'd' (two values: the last input varies fastest).
        assertIds(
                new long[][] {
                    {
                        cross(k, 1000, t, TfFingerprint.fingerprint64("p")),
                        cross(k, 1000, t, TfFingerprint.fingerprint64(""))
                    }
                },
                ids(FeatureColumns.crossedColumn(List.of("d", "s"), 1000), batch));
    }

    /** A row where any input is empty or missing has no crosses (the Cartesian product is empty). */
    @Test
    void emptyInputGivesNoCrosses() {
        Batch batch = rows(variable("c", DType.STRING), variable("d", DType.STRING))
                .row("c", List.of("a"), "d", List.of())
                .row("c", null, "d", List.of("b"))
                .batch();
        assertIds(new long[][] {{}, {}}, ids(FeatureColumns.crossedColumn(List.of("c", "d"), 10), batch));
    }

    /** CrossedColumnTest.test_keys_empty / test_keys_length_one: 'keys must be a list with length > 1'. */
    @Test
    void needsTwoKeys() {
        assertError(() -> FeatureColumns.crossedColumn(List.of(), 10), "at least 2 keys");
        assertError(() -> FeatureColumns.crossedColumn(List.of("a"), 10), "at least 2 keys");
    }

    /**
     * CrossedColumnTest.test_key_type_unsupported: numeric_column → 'Unsupported key type';
     * categorical_column_with_hash_bucket → 'categorical_column_with_hash_bucket is not supported'.
     */
    @Test
    void unsupportedKeys() {
        assertError(
                () -> FeatureColumns.crossedColumn(List.of(FeatureColumns.numericColumn("n"), "c"), 10),
                "keys must be raw feature names or categorical columns");
        assertError(
                () -> FeatureColumns.crossedColumn(
                        List.of(FeatureColumns.categoricalColumnWithHashBucket("h", 10), "c"), 10),
                "hashed column ('h')",
                "cannot be crossed");
    }

    /** CrossedColumnTest.test_bucket_size_should_be_positive / _zero / _none: 'hash_bucket_size must be > 1'. */
    @Test
    void bucketSizeMustBePositive() {
        assertError(() -> FeatureColumns.crossedColumn(List.of("a", "c"), 0), "hash_bucket_size");
        assertError(() -> FeatureColumns.crossedColumn(List.of("a", "c"), -1), "hash_bucket_size");
    }

    /** CrossedColumn.transform_feature: 'crossed_column does not support weight_tensor'. */
    @Test
    void weightedKeyUnsupported() {
        CategoricalColumn w = FeatureColumns.weightedCategoricalColumn(
                FeatureColumns.categoricalColumnWithIdentity("ids", 3), "values");
        assertError(() -> FeatureColumns.crossedColumn(List.of(w, "c"), 10), "ids_weighted_by_values");
    }

    /** A raw key of a float feature cannot be crossed (sparse_cross takes strings and integers). */
    @Test
    void floatRawKeyIsAnError() {
        Batch batch = rows(scalar("x", DType.FLOAT32), scalar("c", DType.STRING))
                .row("x", 1.0, "c", "a")
                .batch();
        assertError(() -> ids(FeatureColumns.crossedColumn(List.of("x", "c"), 10), batch), "c_X_x", "'x'", "float32");
    }
}
