package org.estimator4j.api.table;

import java.lang.reflect.Array;
import java.util.Objects;

/**
 * A fixed-shape column: {@code numRows * width} values in one primitive (or String) array, row-major, where width is
 * the product of the field's shape. One subclass per element type keeps the arrays unboxed: {@code A} is the array
 * type ({@code float[]}, {@code double[]}, {@code long[]}, {@code String[]}), and each subclass adds its typed
 * {@code get(row, i)}. What is written once here (checks, {@link #get(int)}, copies) is for display and tests, not
 * for hot paths, which read {@link #values()} directly.
 *
 * @since 0.1.0
 */
public abstract sealed class FixedWidthColumn<A> extends Column
        permits FloatColumn, DoubleColumn, LongColumn, StringColumn {
    private final int width;
    private final A values;

    FixedWidthColumn(Field field, int numRows, A values, DType dtype, boolean[] missing) {
        super(field, numRows, maskOrNull(missing, numRows));
        int valuesLength = Array.getLength(Objects.requireNonNull(values, "values is null"));
        if (field.dtype() != dtype || field.shape().isVariable()) {
            throw new IllegalArgumentException("a " + getClass().getSimpleName() + " holds fixed-shape "
                    + dtype.tfName() + " values, not " + field);
        }
        this.width = field.shape().width();
        if (valuesLength < numRows * width) {
            throw new IllegalArgumentException(
                    "column '" + field.name() + "' needs " + numRows * width + " values, got " + valuesLength);
        }
        this.values = values;
    }

    /** Values per row (1 for a scalar). */
    public int width() {
        return width;
    }

    /** The backing array (shared: do not modify); may be longer than {@code numRows * width}. */
    public final A values() {
        return values;
    }

    /** True when each row holds one value, so {@link #get(int)} returns it rather than an array. */
    boolean scalar() {
        return field().shape().isScalar();
    }

    @Override
    public Object get(int row) {
        if (isMissing(row)) {
            return null;
        }
        return scalar() ? Array.get(values, row) : copyOfRange(row * width, (row + 1) * width);
    }

    /** Values {@code from} (inclusive) to {@code to} (exclusive) in a new array of the same type. */
    A copyOfRange(int from, int to) {
        @SuppressWarnings("unchecked") // A is an array type whose component type this creates
        A copy = (A) Array.newInstance(values.getClass().getComponentType(), to - from);
        System.arraycopy(values, from, copy, 0, to - from);
        return copy;
    }
}
