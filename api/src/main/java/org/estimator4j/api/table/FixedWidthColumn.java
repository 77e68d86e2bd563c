package org.estimator4j.api.table;

/**
 * A fixed-shape column: {@code numRows * width} values in one primitive (or String) array, row-major, where width is
 * the product of the field's shape. One subclass per element type keeps the arrays unboxed.
 *
 * @since 0.1.0
 */
public abstract sealed class FixedWidthColumn extends Column permits FloatColumn, DoubleColumn, LongColumn, StringColumn {
    private final int width;

    FixedWidthColumn(Field field, int numRows, int valuesLength, DType dtype, boolean[] missing) {
        super(field, numRows, maskOrNull(missing, numRows));
        if (field.dtype() != dtype || field.shape().isVariable()) {
            throw new IllegalArgumentException("a " + getClass().getSimpleName() + " holds fixed-shape "
                    + dtype.tfName() + " values, not " + field);
        }
        this.width = field.shape().width();
        if (valuesLength < numRows * width) {
            throw new IllegalArgumentException("column '" + field.name() + "' needs " + numRows * width
                    + " values, got " + valuesLength);
        }
    }

    /** Values per row (1 for a scalar). */
    public int width() {
        return width;
    }

    /** True when each row holds one value, so {@link #get(int)} returns it rather than an array. */
    boolean scalar() {
        return field().shape().isScalar();
    }
}
