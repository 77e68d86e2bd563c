package org.estimator4j.api.table;

import java.util.Arrays;

/**
 * A dense FLOAT64 column; see {@link FixedWidthColumn}.
 *
 * @since 0.1.0
 */
public final class DoubleColumn extends FixedWidthColumn {
    private final double[] values;

    /** Wraps the arrays without copying; {@code missing} may be null when no row is missing. */
    public DoubleColumn(Field field, int numRows, double[] values, boolean[] missing) {
        super(field, numRows, values.length, DType.FLOAT64, missing);
        this.values = values;
    }

    /** The backing array (shared: do not modify); may be longer than {@code numRows * width}. */
    public double[] values() {
        return values;
    }

    public double get(int row, int i) {
        return values[row * width() + i];
    }

    @Override
    public Object get(int row) {
        if (isMissing(row)) {
            return null;
        }
        return scalar() ? values[row] : Arrays.copyOfRange(values, row * width(), (row + 1) * width());
    }
}
