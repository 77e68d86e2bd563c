package org.estimator4j.features.golden;

import static org.estimator4j.features.golden.Golden.assertDense;
import static org.estimator4j.features.golden.Golden.assertError;
import static org.estimator4j.features.golden.Golden.dense;
import static org.estimator4j.features.golden.Golden.f;
import static org.estimator4j.features.golden.Golden.fixed;
import static org.estimator4j.features.golden.Golden.rows;
import static org.estimator4j.features.golden.Golden.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.Combiner;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.SharedEmbeddingColumn;
import org.estimator4j.features.transform.EmbeddingTables;
import org.junit.jupiter.api.Test;

/**
 * Golden values of {@code shared_embedding_columns_v2}, from
 * {@code tensorflow/python/feature_column/feature_column_v2_test.py}, class {@code SharedEmbeddingColumnTest}.
 */
class SharedEmbeddingGoldenTest {
    private static CategoricalColumn identity(String key, long buckets) {
        return FeatureColumns.categoricalColumnWithIdentity(key, buckets);
    }

    /**
     * SharedEmbeddingColumnTest.test_defaults: shared_embedding_columns_v2([b, a], dimension=2) returns the columns
     * in the order given; names 'aaa_shared_embedding' / 'bbb_shared_embedding'; the shared variable
     * 'aaa_bbb_shared_embedding' (sorted names joined by '_').
     */
    @Test
    void defaults() {
        List<SharedEmbeddingColumn> cols =
                FeatureColumns.sharedEmbeddings(List.of(identity("bbb", 3), identity("aaa", 3)), 2);
        SharedEmbeddingColumn b = cols.get(0);
        SharedEmbeddingColumn a = cols.get(1);
        assertEquals("aaa_shared_embedding", a.name());
        assertEquals("bbb_shared_embedding", b.name());
        assertEquals(2, a.width());
        assertEquals(2, b.width());
        assertNull(a.maxNorm());
        assertEquals(Combiner.MEAN, a.combiner());
        assertEquals("aaa_bbb_shared_embedding", a.sharedEmbeddingCollectionName());
        assertEquals("aaa_bbb_shared_embedding", b.sharedEmbeddingCollectionName());
    }

    /** SharedEmbeddingColumnTest.test_all_constructor_args: a given collection name; the names do not change. */
    @Test
    void allConstructorArgs() {
        List<SharedEmbeddingColumn> cols = FeatureColumns.sharedEmbeddings(
                List.of(identity("aaa", 3), identity("bbb", 3)),
                2,
                Combiner.MEAN,
                "shared_embedding_collection_name",
                42f,
                false);
        assertEquals("aaa_shared_embedding", cols.get(0).name());
        assertEquals("bbb_shared_embedding", cols.get(1).name());
        assertEquals("shared_embedding_collection_name", cols.get(0).sharedEmbeddingCollectionName());
        assertEquals(42f, cols.get(1).maxNorm());
    }

    private static float[][][] lookup(long buckets, Batch batch, float[] values) {
        List<SharedEmbeddingColumn> cols =
                FeatureColumns.sharedEmbeddings(List.of(identity("aaa", buckets), identity("bbb", buckets)), 2);
        EmbeddingTables tables = new EmbeddingTables(0).put(cols.get(0).sharedEmbeddingCollectionName(), values);
        // DenseFeatures sorts by name: aaa_shared_embedding (2 values) then bbb_shared_embedding (2 values).
        float[][] out = dense(cols, batch, tables);
        float[][][] split = new float[2][out.length][];
        for (int r = 0; r < out.length; r++) {
            split[0][r] = new float[] {out[r][0], out[r][1]};
            split[1][r] = new float[] {out[r][2], out[r][3]};
        }
        return split;
    }

    /**
     * SharedEmbeddingColumnTest.test_get_dense_tensor (use_safe_embedding_lookup=True): input_a [[2, -1, -1],
     * [0, 1, -1]], input_b [[0, -1, -1], [-1, -1, -1]] (dense; "-1 values are ignored"), 4 x 2 embedding →
     * a: ((7., 11.), (2., 3.5)); b: ((1., 2.), (0., 0.)).
     */
    @Test
    void getDenseTensor() {
        Batch batch = rows(fixed("aaa", DType.INT64, 3), fixed("bbb", DType.INT64, 3))
                .row("aaa", new long[] {2, -1, -1}, "bbb", new long[] {0, -1, -1})
                .row("aaa", new long[] {0, 1, -1}, "bbb", new long[] {-1, -1, -1})
                .batch();
        float[][][] out = lookup(4, batch, table(f(1, 2), f(3, 5), f(7, 11), f(9, 13)));
        assertDense(new float[][] {{7, 11}, {2, 3.5f}}, out[0]);
        assertDense(new float[][] {{1, 2}, {0, 0}}, out[1]);
    }

    /**
     * SharedEmbeddingColumnTest.test_get_dense_tensor_valid: input_a [[2, 1], [0, -1]], input_b [[1, -1], [1, 2]],
     * 3 x 2 embedding → a: ((5., 8.), (1., 2.)); b: ((3., 5.), (5., 8.)).
     */
    @Test
    void getDenseTensorValid() {
        Batch batch = rows(fixed("aaa", DType.INT64, 2), fixed("bbb", DType.INT64, 2))
                .row("aaa", new long[] {2, 1}, "bbb", new long[] {1, -1})
                .row("aaa", new long[] {0, -1}, "bbb", new long[] {1, 2})
                .batch();
        float[][][] out = lookup(3, batch, table(f(1, 2), f(3, 5), f(7, 11)));
        assertDense(new float[][] {{5, 8}, {1, 2}}, out[0]);
        assertDense(new float[][] {{3, 5}, {5, 8}}, out[1]);
    }

    /** shared_embedding_columns_v2: 'all categorical_columns must have the same number of buckets'. */
    @Test
    void differentNumBuckets() {
        assertError(
                () -> FeatureColumns.sharedEmbeddings(List.of(identity("aaa", 3), identity("bbb", 4)), 2),
                "same num_buckets",
                "'aaa' has 3",
                "'bbb' has 4");
    }

    /**
     * SharedEmbeddingColumnTest.test_incompatible_column_type: identity, identity, hash_bucket → 'all
     * categorical_columns must have the same type.*IdentityCategoricalColumn.*HashedCategoricalColumn'.
     */
    @Test
    void incompatibleColumnType() {
        assertError(
                () -> FeatureColumns.sharedEmbeddings(
                        List.of(
                                identity("aaa", 3),
                                identity("bbb", 3),
                                FeatureColumns.categoricalColumnWithHashBucket("ccc", 3)),
                        2),
                "same type",
                "IdentityCategoricalColumn",
                "HashedCategoricalColumn");
    }

    /** SharedEmbeddingColumnTest.test_weighted_categorical_column_ok: weighted(identity) with identity is fine. */
    @Test
    void weightedCategoricalColumnOk() {
        CategoricalColumn weighted = FeatureColumns.weightedCategoricalColumn(identity("aaa", 3), "aaa_weights");
        List<SharedEmbeddingColumn> cols = FeatureColumns.sharedEmbeddings(List.of(weighted, identity("bbb", 3)), 2);
        assertEquals("aaa_weighted_by_aaa_weights_shared_embedding", cols.get(0).name());
    }
}
