package org.estimator4j.features.golden;

import static org.estimator4j.features.golden.Golden.assertDense;
import static org.estimator4j.features.golden.Golden.assertError;
import static org.estimator4j.features.golden.Golden.dense;
import static org.estimator4j.features.golden.Golden.f;
import static org.estimator4j.features.golden.Golden.rows;
import static org.estimator4j.features.golden.Golden.table;
import static org.estimator4j.features.golden.Golden.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.Combiner;
import org.estimator4j.features.EmbeddingColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.transform.EmbeddingTables;
import org.junit.jupiter.api.Test;

/**
 * Golden values of {@code embedding_column}, from {@code tensorflow/python/feature_column/feature_column_v2_test.py},
 * class {@code EmbeddingColumnTest} (and {@code InputLayerTest}), plus the combiner definitions and example of the
 * {@code tf.nn.embedding_lookup_sparse} API docs.
 */
class EmbeddingGoldenTest {
    /** embedding_values of test_get_dense_tensor: id 0 → (1, 2), id 1 → (3, 5), id 2 → (7, 11). */
    private static final float[] VALUES = table(f(1, 2), f(3, 5), f(7, 11));

    private static EmbeddingColumn aaa(Combiner combiner) {
        CategoricalColumn c = FeatureColumns.categoricalColumnWithIdentity("aaa", 3);
        return FeatureColumns.embeddingColumn(c, 2, combiner, null, true);
    }

    /**
     * The sparse_input of test_get_dense_tensor: example 0 ids [2], example 1 ids [0, 1], example 2 ids [],
     * example 3 ids [1] (indices ((0, 0), (1, 0), (1, 4), (3, 0)), dense_shape (4, 5)). Example 2 has no index: an
     * empty list here (a missing value behaves the same, see {@link #missingRowIsZeros}).
     */
    private static Batch sparseInput() {
        return rows(variable("aaa", DType.INT64))
                .row("aaa", List.of(2L))
                .row("aaa", List.of(0L, 1L))
                .row("aaa", List.of())
                .row("aaa", List.of(1L))
                .batch();
    }

    private static float[][] lookup(EmbeddingColumn e, Batch batch, float[] values) {
        return dense(List.of(e), batch, new EmbeddingTables(0).put(e.tableName(), values));
    }

    /** EmbeddingColumnTest.test_defaults. */
    @Test
    void defaults() {
        CategoricalColumn c = FeatureColumns.categoricalColumnWithIdentity("aaa", 3);
        EmbeddingColumn e = FeatureColumns.embeddingColumn(c, 2);
        assertEquals(Combiner.MEAN, e.combiner());
        assertNull(e.maxNorm());
        assertTrue(e.trainable());
        assertEquals("aaa_embedding", e.name());
        assertEquals(2, e.width());
        assertEquals(2, e.dimension());
        // Variable 'input_layer/aaa_embedding/embedding_weights:0': the table is named within the column's scope.
        assertEquals("aaa_embedding/embedding_weights", e.tableName());
    }

    /**
     * EmbeddingColumnTest.test_get_dense_tensor (also _placeholder_inputs, _restore_from_ckpt, test_input_layer),
     * combiner 'mean': ((7., 11.), (2., 3.5), (0., 0.), (3., 5.)).
     */
    @Test
    void getDenseTensor() {
        assertDense(
                new float[][] {{7, 11}, {2, 3.5f}, {0, 0}, {3, 5}}, lookup(aaa(Combiner.MEAN), sparseInput(), VALUES));
    }

    /** Example 2 of test_get_dense_tensor as a missing value rather than an empty list: also (0., 0.). */
    @Test
    void missingRowIsZeros() {
        Batch batch = rows(variable("aaa", DType.INT64))
                .row("aaa", List.of(2L))
                .row("aaa", null)
                .batch();
        assertDense(new float[][] {{7, 11}, {0, 0}}, lookup(aaa(Combiner.MEAN), batch, VALUES));
    }

    /**
     * EmbeddingColumnTest.test_old_linear_model: linear weights ((4.,), (6.,)) over the embedding give
     * "[4*7 + 6*11, 4*2 + 6*3.5, 4*0 + 6*0, 4*3 + 6*5] = [94, 29, 0, 42]".
     */
    @Test
    void oldLinearModel() {
        float[][] embedded = lookup(aaa(Combiner.MEAN), sparseInput(), VALUES);
        float[] expected = {94, 29, 0, 42};
        for (int r = 0; r < 4; r++) {
            assertEquals(expected[r], 4 * embedded[r][0] + 6 * embedded[r][1], 1e-5f);
        }
    }

    /**
     * InputLayerTest.test_reuses_variables: identity(3), ids 0, 1, 2 (indices ((0, 0), (1, 0), (2, 0))), embedding
     * ((1, 0), (0, 1), (1, 1)) → [[1, 0], [0, 1], [1, 1]].
     */
    @Test
    void reusesVariables() {
        EmbeddingColumn e = FeatureColumns.embeddingColumn(FeatureColumns.categoricalColumnWithIdentity("a", 3), 2);
        Batch batch = rows(variable("a", DType.INT64))
                .row("a", List.of(0L))
                .row("a", List.of(1L))
                .row("a", List.of(2L))
                .batch();
        assertDense(new float[][] {{1, 0}, {0, 1}, {1, 1}}, lookup(e, batch, table(f(1, 0), f(0, 1), f(1, 1))));
    }

    /**
     * tf.nn.embedding_lookup_sparse API docs example: params [[1, 2], [3, 4], [5, 6], [7, 8]], sp_ids rows [0, 1],
     * [3], [2], combiner='sum' → [[4., 6.], [7., 8.], [5., 6.]].
     */
    @Test
    void sumCombinerDocExample() {
        EmbeddingColumn e = FeatureColumns.embeddingColumn(
                FeatureColumns.categoricalColumnWithIdentity("ids", 4), 2, Combiner.SUM, null, true);
        Batch batch = rows(variable("ids", DType.INT64))
                .row("ids", List.of(0L, 1L))
                .row("ids", List.of(3L))
                .row("ids", List.of(2L))
                .batch();
        assertDense(
                new float[][] {{4, 6}, {7, 8}, {5, 6}}, lookup(e, batch, table(f(1, 2), f(3, 4), f(5, 6), f(7, 8))));
    }

    /**
     * The combiners as the tf.nn.embedding_lookup_sparse docs define them ("sum": weighted sum; "sqrtn": weighted
     * sum / sqrt(sum of squared weights)) on test_get_dense_tensor's data (derived, not a TF-stated value):
     * sum → ((7,11),(4,7),(0,0),(3,5)); sqrtn → ((7,11),(4/√2,7/√2),(0,0),(3,5)).
     */
    @Test
    void sumAndSqrtnCombiners() {
        assertDense(new float[][] {{7, 11}, {4, 7}, {0, 0}, {3, 5}}, lookup(aaa(Combiner.SUM), sparseInput(), VALUES));
        float s = (float) Math.sqrt(2);
        assertDense(
                new float[][] {{7, 11}, {4 / s, 7 / s}, {0, 0}, {3, 5}},
                lookup(aaa(Combiner.SQRTN), sparseInput(), VALUES));
    }

    /** Weighted ids (weighted_categorical_column): mean = Σ w·e / Σ w; weights ≤ 0 are pruned (safe lookup). */
    @Test
    void weightedMean() {
        EmbeddingColumn e = FeatureColumns.embeddingColumn(
                FeatureColumns.weightedCategoricalColumn(FeatureColumns.categoricalColumnWithIdentity("aaa", 3), "w"),
                2);
        Batch batch = rows(variable("aaa", DType.INT64), variable("w", DType.FLOAT32))
                .row("aaa", List.of(0L, 1L), "w", f(1, 3))
                .row("aaa", List.of(2L, 1L), "w", f(2, 0))
                .batch();
        // Row 0: (1*(1,2) + 3*(3,5)) / 4 = (2.5, 4.25); row 1: id 1 has weight 0, pruned → (7, 11).
        assertDense(new float[][] {{2.5f, 4.25f}, {7, 11}}, lookup(e, batch, VALUES));
    }

    /** embedding_column validation: 'Invalid dimension 0.' */
    @Test
    void invalidDimension() {
        CategoricalColumn c = FeatureColumns.categoricalColumnWithIdentity("aaa", 3);
        assertError(() -> FeatureColumns.embeddingColumn(c, 0), "aaa", "dimension");
    }

    /** A table of the wrong size for the column is refused. */
    @Test
    void wrongTableSize() {
        assertThrowsIllegalArgument(() -> lookup(aaa(Combiner.MEAN), sparseInput(), table(f(1, 2), f(3, 5))));
    }

    private static void assertThrowsIllegalArgument(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e);
    }
}
