package org.estimator4j.api.table;

import java.util.Arrays;

/**
 * The shape of one row's value in a column: a scalar ({@code []}), a fixed-size tensor ({@code [3]}, {@code [2, 4]},
 * stored row-major), or a variable-length list ({@link #VARIABLE}, TensorFlow's ragged / multivalent case).
 *
 * @since 0.1.0
 */
public final class Shape {
    /** One value per row. */
    public static final Shape SCALAR = new Shape(new int[0], false);
    /** Any number of values per row, zero included: stored as values plus row offsets. */
    public static final Shape VARIABLE = new Shape(new int[] {-1}, true);

    private final int[] dims;
    private final boolean variable;

    private Shape(int[] dims, boolean variable) {
        this.dims = dims;
        this.variable = variable;
    }

    /** A fixed shape, e.g. {@code Shape.of(3)}; {@code Shape.of()} is {@link #SCALAR}. */
    public static Shape of(int... dims) {
        if (dims.length == 0) {
            return SCALAR;
        }
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("shape dimensions must be positive, got " + Arrays.toString(dims)
                        + "; use Shape.VARIABLE for variable-length values");
            }
        }
        return new Shape(dims.clone(), false);
    }

    public boolean isScalar() {
        return !variable && dims.length == 0;
    }

    public boolean isVariable() {
        return variable;
    }

    /** Number of values per row for a fixed shape (1 for a scalar); -1 for a variable one. */
    public int width() {
        if (variable) {
            return -1;
        }
        int w = 1;
        for (int d : dims) {
            w *= d;
        }
        return w;
    }

    public int[] dims() {
        return dims.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && s.variable == variable && Arrays.equals(s.dims, dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims) * 31 + (variable ? 1 : 0);
    }

    @Override
    public String toString() {
        return variable ? "[None]" : Arrays.toString(dims);
    }
}
