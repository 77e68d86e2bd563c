package org.estimator4j.api.table;

/**
 * A dense INT64 column; see {@link FixedWidthColumn}.
 *
 * @since 0.1.0
 */
public final class LongColumn extends FixedWidthColumn<long[]> {
    /** Wraps the arrays without copying; {@code missing} may be null when no row is missing. */
    public LongColumn(Field field, int numRows, long[] values, boolean[] missing) {
        super(field, numRows, values, DType.INT64, missing);
    }

    public long get(int row, int i) {
        return values()[row * width() + i];
    }
}
