package org.estimator4j.api.table;

/**
 * A dense FLOAT64 column; see {@link FixedWidthColumn}.
 *
 * @since 0.1.0
 */
public final class DoubleColumn extends FixedWidthColumn<double[]> {
    /** Wraps the arrays without copying; {@code missing} may be null when no row is missing. */
    public DoubleColumn(Field field, int numRows, double[] values, boolean[] missing) {
        super(field, numRows, values, DType.FLOAT64, missing);
    }

    public double get(int row, int i) {
        return values()[row * width() + i];
    }
}
