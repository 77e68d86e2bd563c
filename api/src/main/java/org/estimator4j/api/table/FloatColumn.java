package org.estimator4j.api.table;

import java.util.Arrays;

/**
 * A dense FLOAT32 column; see {@link FixedWidthColumn}.
 *
 * @since 0.1.0
 */
public final class FloatColumn extends FixedWidthColumn {
    private final float[] values;

    /** Wraps the arrays without copying; {@code missing} may be null when no row is missing. */
    public FloatColumn(Field field, int numRows, float[] values, boolean[] missing) {
        super(field, numRows, values.length, DType.FLOAT32, missing);
        this.values = values;
    }

    /** The backing array (shared: do not modify); may be longer than {@code numRows * width}. */
    public float[] values() {
        return values;
    }

    public float get(int row, int i) {
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
