package org.estimator4j.api.table;

import java.util.Arrays;

/**
 * A dense INT64 column: {@code numRows * width} values, row-major, where width is the product of the field's shape.
 */
public final class LongColumn extends Column {
    private final long[] values;
    private final int width;

    /** Wraps the arrays without copying; {@code missing} may be null when no row is missing. */
    public LongColumn(Field field, int numRows, long[] values, boolean[] missing) {
        super(field, numRows, maskOrNull(missing, numRows));
        if (field.dtype() != DType.INT64 || field.shape().isVariable()) {
            throw new IllegalArgumentException("a LongColumn holds fixed-shape INT64 values, not " + field);
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
    public long[] values() {
        return values;
    }

    public long get(int row, int i) {
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
