package org.estimator4j.features.golden;

import static org.estimator4j.features.golden.Golden.assertDense;
import static org.estimator4j.features.golden.Golden.assertError;
import static org.estimator4j.features.golden.Golden.assertIds;
import static org.estimator4j.features.golden.Golden.dense;
import static org.estimator4j.features.golden.Golden.f;
import static org.estimator4j.features.golden.Golden.fixed;
import static org.estimator4j.features.golden.Golden.ids;
import static org.estimator4j.features.golden.Golden.rows;
import static org.estimator4j.features.golden.Golden.table;
import static org.estimator4j.features.golden.Golden.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.EmbeddingColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.IdentityColumn;
import org.estimator4j.features.SparseIds;
import org.estimator4j.features.transform.EmbeddingTables;
import org.junit.jupiter.api.Test;

/**
 * Golden values of {@code categorical_column_with_identity}, from
 * {@code tensorflow/python/feature_column/feature_column_v2_test.py}, class {@code IdentityCategoricalColumnTest}.
 */
class IdentityGoldenTest {
    /** indices ((0, 0), (1, 0), (1, 1)) with the given three values. */
    private static Batch sparse(long v0, long v1, long v2) {
        return rows(variable("aaa", DType.INT64))
                .row("aaa", List.of(v0))
                .row("aaa", List.of(v1, v2))
                .batch();
    }

    /** IdentityCategoricalColumnTest.test_constructor. */
    @Test
    void constructor() {
        IdentityColumn c = FeatureColumns.categoricalColumnWithIdentity("aaa", 3);
        assertEquals("aaa", c.name());
        assertEquals(3, c.numBuckets());
        assertEquals(DType.INT64, c.dtype());
        assertNull(c.defaultValue());
    }

    /** IdentityCategoricalColumnTest.test_get_sparse_tensors / test_transform_feature: (0, 1, 0) unchanged. */
    @Test
    void getSparseTensors() {
        assertIds(
                new long[][] {{0}, {1, 0}},
                ids(FeatureColumns.categoricalColumnWithIdentity("aaa", 3), sparse(0, 1, 0)));
    }

    /** IdentityCategoricalColumnTest.test_get_sparse_tensors_dense_input: ((0, -1), (1, 0)) → (0, 1, 0). */
    @Test
    void denseInput() {
        Batch batch = rows(fixed("aaa", DType.INT64, 2))
                .row("aaa", new long[] {0, -1})
                .row("aaa", new long[] {1, 0})
                .batch();
        assertIds(new long[][] {{0}, {1, 0}}, ids(FeatureColumns.categoricalColumnWithIdentity("aaa", 3), batch));
    }

    /**
     * IdentityCategoricalColumnTest.test_get_sparse_tensors_with_default_value: num_buckets=4, default_value=3,
     * values (1, -1, 99) → (1, 3, 3).
     */
    @Test
    void withDefaultValue() {
        assertIds(
                new long[][] {{1}, {3, 3}},
                ids(FeatureColumns.categoricalColumnWithIdentity("aaa", 4, 3L), sparse(1, -1, 99)));
    }

    /**
     * IdentityCategoricalColumn.transform_feature drops a dense input's -1 entries before applying default_value
     * (derived from test_get_sparse_tensors_dense_input and test_get_sparse_tensors_with_default_value): num_buckets 4,
     * default_value 3, dense ((1, -1), (99, 0)) → [1], [3, 0]; another negative value (-5) is out of range → 3.
     */
    @Test
    void denseInputWithDefaultValue() {
        Batch batch = rows(fixed("aaa", DType.INT64, 2))
                .row("aaa", new long[] {1, -1})
                .row("aaa", new long[] {99, 0})
                .row("aaa", new long[] {-5, -1})
                .batch();
        assertIds(
                new long[][] {{1}, {3, 0}, {3}},
                ids(FeatureColumns.categoricalColumnWithIdentity("aaa", 4, 3L), batch));
    }

    /**
     * IdentityCategoricalColumnTest._test_get_sparse_tensors_with_inputs_too_small: num_buckets=2, values
     * (-9, 0, -6, 1) at ((0, 0), (0, 0), (1, 1), (1, 2)), embedding ((1., 2.), (3., 5.)), combiner mean →
     * ((1., 2.), (3., 5)). The identity column passes the negative values through (its id tensor is the input cast
     * to int64); the embedding lookup prunes them.
     */
    @Test
    void inputsTooSmall() {
        IdentityColumn c = FeatureColumns.categoricalColumnWithIdentity("aaa", 2);
        Batch batch = rows(variable("aaa", DType.INT64))
                .row("aaa", List.of(-9L, 0L))
                .row("aaa", List.of(-6L, 1L))
                .batch();
        assertIds(new long[][] {{-9, 0}, {-6, 1}}, ids(c, batch));
        EmbeddingColumn e = FeatureColumns.embeddingColumn(c, 2);
        EmbeddingTables tables = new EmbeddingTables(0).put(e.tableName(), table(f(1, 2), f(3, 5)));
        assertDense(new float[][] {{1, 2}, {3, 5}}, dense(List.of(e), batch, tables));
    }

    /**
     * IdentityCategoricalColumnTest._test_get_sparse_tensors_with_inputs_too_big: num_buckets=2, values (2, 0) →
     * OpError r'indices\[0\].*\[0, 2\)'.
     */
    @Test
    void inputsTooBig() {
        IdentityColumn c = FeatureColumns.categoricalColumnWithIdentity("aaa", 2);
        Batch batch = rows(variable("aaa", DType.INT64))
                .row("aaa", List.of(2L))
                .row("aaa", List.of(0L))
                .row("aaa", List.of())
                .row("aaa", List.of())
                .batch();
        assertError(() -> ids(c, batch), "'aaa'", "value 2", "[0, 2)", "default_value");
    }

    /**
     * IdentityCategoricalColumnTest.test_old_linear_model: values (0, 2, 1) at ((0,0),(1,0),(1,1)), weights
     * ((1.,), (2.,), (3.,)) → predictions ((1.,), (5.,)).
     */
    @Test
    void oldLinearModel() {
        SparseIds ids = ids(FeatureColumns.categoricalColumnWithIdentity("aaa", 3), sparse(0, 2, 1));
        float[] weights = {1, 2, 3};
        float[] expected = {1, 5};
        for (int r = 0; r < 2; r++) {
            float sum = 0;
            for (long id : ids.row(r)) {
                sum += weights[(int) id];
            }
            assertEquals(expected[r], sum, 1e-6f);
        }
    }

    /**
     * IdentityCategoricalColumnTest: num_buckets 0 / -1 → 'num_buckets 0 < 1'; default_value -1 or 3 with
     * num_buckets 3 → 'default_value -1 not in range'.
     */
    @Test
    void constructorErrors() {
        assertError(() -> FeatureColumns.categoricalColumnWithIdentity("aaa", 0), "aaa", "num_buckets");
        assertError(() -> FeatureColumns.categoricalColumnWithIdentity("aaa", -1), "aaa", "num_buckets");
        assertError(
                () -> FeatureColumns.categoricalColumnWithIdentity("aaa", 3, -1L), "aaa", "default_value -1", "[0, 3)");
        assertError(() -> FeatureColumns.categoricalColumnWithIdentity("aaa", 3, 3L), "aaa", "default_value 3");
    }

    /** IdentityCategoricalColumnTest.test_invalid_input_dtype: string input → 'Invalid input, not integer'. */
    @Test
    void stringInputIsAnError() {
        Batch batch =
                rows(variable("aaa", DType.STRING)).row("aaa", List.of("omar")).batch();
        assertError(
                () -> ids(FeatureColumns.categoricalColumnWithIdentity("aaa", 3), batch), "'aaa'", "int64", "string");
    }
}
