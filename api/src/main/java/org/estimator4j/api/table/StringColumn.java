package org.estimator4j.api.table;

import java.util.Arrays;

/**
 * A dense STRING column; see {@link FixedWidthColumn}.
 *
 * @since 0.1.0
 */
public final class StringColumn extends FixedWidthColumn {
    private final String[] values;

    /** Wraps the arrays without copying; {@code missing} may be null when no row is missing. */
    public StringColumn(Field field, int numRows, String[] values, boolean[] missing) {
        super(field, numRows, values.length, DType.STRING, missing);
        this.values = values;
    }

    /** The backing array (shared: do not modify); may be longer than {@code numRows * width}. */
    public String[] values() {
        return values;
    }

    public String get(int row, int i) {
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
