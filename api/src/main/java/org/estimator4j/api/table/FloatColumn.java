package org.estimator4j.api.table;

/**
 * A dense FLOAT32 column; see {@link FixedWidthColumn}.
 *
 * @since 0.1.0
 */
public final class FloatColumn extends FixedWidthColumn<float[]> {
    /** Wraps the arrays without copying; {@code missing} may be null when no row is missing. */
    public FloatColumn(Field field, int numRows, float[] values, boolean[] missing) {
        super(field, numRows, values, DType.FLOAT32, missing);
    }

    public float get(int row, int i) {
        return values()[row * width() + i];
    }
}
