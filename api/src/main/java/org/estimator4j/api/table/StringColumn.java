package org.estimator4j.api.table;

/**
 * A dense STRING column; see {@link FixedWidthColumn}.
 *
 * @since 0.1.0
 */
public final class StringColumn extends FixedWidthColumn<String[]> {
    /** Wraps the arrays without copying; {@code missing} may be null when no row is missing. */
    public StringColumn(Field field, int numRows, String[] values, boolean[] missing) {
        super(field, numRows, values, DType.STRING, missing);
    }

    public String get(int row, int i) {
        return values()[row * width() + i];
    }
}
