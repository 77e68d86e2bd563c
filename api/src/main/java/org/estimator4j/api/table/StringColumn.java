package org.estimator4j.api.table;

import java.util.Arrays;

/**
 * A dense STRING column: {@code numRows * width} values, row-major, where width is the product of the field's shape.
 */
public final class StringColumn extends Column {
    private final String[] values;
    private final int width;

    /** Wraps the arrays without copying; {@code missing} may be null when no row is missing. */
    public StringColumn(Field field, int numRows, String[] values, boolean[] missing) {
        super(field, numRows, maskOrNull(missing, numRows));
        if (field.dtype() != DType.STRING || field.shape().isVariable()) {
            throw new IllegalArgumentException("a StringColumn holds fixed-shape STRING values, not " + field);
        }
        this.width = field.shape().width();
        if (values.length < numRows * width) {
            throw new IllegalArgumentException("column '" + field.name() + "' needs " + numRows * width
                    + " values, got " + values.length);
        }
        this.values = values;
    }

    /** Values per row (1 for a scalar). */
    public int width() {
        return width;
    }

    /** The backing array (shared: do not modify); may be longer than {@code numRows * width}. */
    public String[] values() {
        return values;
    }

    public String get(int row, int i) {
        return values[row * width + i];
    }

    @Override
    public Object get(int row) {
        if (isMissing(row)) {
            return null;
        }
        return width == 1 && field().shape().isScalar() ? values[row]
                : Arrays.copyOfRange(values, row * width, (row + 1) * width);
    }
}
