package org.estimator4j.api.table;

import java.util.Arrays;

/**
 * A dense FLOAT64 column: {@code numRows * width} values, row-major, where width is the product of the field's shape.
 */
public final class DoubleColumn extends Column {
    private final double[] values;
    private final int width;

    /** Wraps the arrays without copying; {@code missing} may be null when no row is missing. */
    public DoubleColumn(Field field, int numRows, double[] values, boolean[] missing) {
        super(field, numRows, maskOrNull(missing, numRows));
        if (field.dtype() != DType.FLOAT64 || field.shape().isVariable()) {
            throw new IllegalArgumentException("a DoubleColumn holds fixed-shape FLOAT64 values, not " + field);
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
    public double[] values() {
        return values;
    }

    public double get(int row, int i) {
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
