package org.estimator4j.features.golden;

import static org.estimator4j.features.golden.Golden.assertDense;
import static org.estimator4j.features.golden.Golden.assertError;
import static org.estimator4j.features.golden.Golden.dense;
import static org.estimator4j.features.golden.Golden.f;
import static org.estimator4j.features.golden.Golden.fixed;
import static org.estimator4j.features.golden.Golden.rows;
import static org.estimator4j.features.golden.Golden.scalar;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.Normalizer;
import org.estimator4j.features.NumericColumn;
import org.junit.jupiter.api.Test;

/**
 * Golden values of {@code numeric_column}, from {@code tensorflow/python/feature_column/feature_column_v2_test.py},
 * class {@code NumericColumnTest}.
 */
class NumericGoldenTest {
    /** NumericColumnTest.test_defaults: key/name 'aaa', shape (1,), no default, no normalizer. */
    @Test
    void defaults() {
        NumericColumn a = FeatureColumns.numericColumn("aaa");
        assertEquals("aaa", a.key());
        assertEquals("aaa", a.name());
        assertArrayEquals(new int[] {1}, a.shape());
        assertNull(a.defaultValue());
        assertEquals(Normalizer.none(), a.normalizer());
        assertEquals(1, a.width());
    }

    /**
     * NumericColumnTest.test_default_value_saved_as_tuple: numeric_column('aaa', default_value=4.) → (4.,);
     * shape [1, 2], default [[3, 2.]] → ((3., 2.),) (row-major here: {3, 2}).
     */
    @Test
    void defaultValueSaved() {
        assertArrayEquals(f(4), FeatureColumns.numericColumn("aaa", 4f).defaultValue());
        NumericColumn a = FeatureColumns.numericColumn("aaa", new int[] {1, 2}, f(3, 2), null);
        assertArrayEquals(new int[] {1, 2}, a.shape());
        assertArrayEquals(f(3, 2), a.defaultValue());
        assertEquals(2, a.width());
    }

    /**
     * NumericColumnTest.test_shape_and_default_value_compatibility: shape [2] with default [1, 2, 3.] → 'The shape
     * of default_value'.
     */
    @Test
    void shapeAndDefaultValueCompatibility() {
        assertError(() -> FeatureColumns.numericColumn("aaa", new int[] {2}, f(1, 2, 3), null), "aaa", "default_value");
    }

    /** NumericColumnTest.test_shape_must_be_positive_integer: shape [0] → 'shape dimensions must be greater than 0'. */
    @Test
    void shapeMustBePositive() {
        assertError(
                () -> FeatureColumns.numericColumn("aaa", new int[] {0}, null, null),
                "aaa",
                "shape dimensions must be positive");
    }

    /**
     * NumericColumnTest.test_parse_example_with_default_value: numeric_column('price', shape=[2],
     * default_value=11.), one example with price [20., 110.] and one without → [[20., 110.], [11., 11.]].
     */
    @Test
    void parseExampleWithDefaultValue() {
        NumericColumn price = FeatureColumns.numericColumn("price", new int[] {2}, f(11, 11), null);
        Batch batch = rows(fixed("price", DType.FLOAT32, 2))
                .row("price", f(20, 110))
                .row("price", null)
                .batch();
        assertDense(new float[][] {{20, 110}, {11, 11}}, dense(List.of(price), batch));
    }

    /** NumericColumnTest.test_parse_example_no_default_value: price [20., 110.] → [[20., 110.]]. */
    @Test
    void parseExampleNoDefaultValue() {
        NumericColumn price = FeatureColumns.numericColumn("price", new int[] {2}, null, null);
        Batch batch =
                rows(fixed("price", DType.FLOAT32, 2)).row("price", f(20, 110)).batch();
        assertDense(new float[][] {{20, 110}}, dense(List.of(price), batch));
    }

    /** A missing value without a default is an error (parse_example: the feature is required). */
    @Test
    void missingValueWithoutDefault() {
        NumericColumn price = FeatureColumns.numericColumn("price");
        Batch batch = rows(scalar("price", DType.FLOAT32))
                .row("price", 1.0)
                .row("price", null)
                .batch();
        assertError(() -> dense(List.of(price), batch), "'price'", "row 1", "default_value");
    }

    /**
     * NumericColumnTest.test_old_linear_model: price [[1.], [5.]] with weight 10 → [[10.], [50.]] (the dense value
     * is the input itself).
     */
    @Test
    void oldLinearModel() {
        NumericColumn price = FeatureColumns.numericColumn("price");
        Batch batch = rows(scalar("price", DType.FLOAT32))
                .row("price", 1.0)
                .row("price", 5.0)
                .batch();
        float[][] out = dense(List.of(price), batch);
        assertEquals(10, 10 * out[0][0], 1e-6);
        assertEquals(50, 10 * out[1][0], 1e-6);
    }

    /** int64 and float64 raw values are read as float32 (numeric_column casts to float32). */
    @Test
    void integerAndDoubleInputs() {
        Batch batch = rows(scalar("i", DType.INT64), scalar("d", DType.FLOAT64))
                .row("i", 3L, "d", 0.25)
                .batch();
        assertDense(
                new float[][] {{0.25f, 3}},
                dense(List.of(FeatureColumns.numericColumn("i"), FeatureColumns.numericColumn("d")), batch));
    }

    /** NumericColumnTest.test_sparse_tensor_not_supported / wrong types: a string feature names column and types. */
    @Test
    void wrongRawType() {
        Batch batch = rows(scalar("price", DType.STRING)).row("price", "cheap").batch();
        assertError(() -> dense(List.of(FeatureColumns.numericColumn("price")), batch), "'price'", "float32", "string");
    }
}
