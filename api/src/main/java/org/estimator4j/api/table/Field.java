package org.estimator4j.api.table;

import static java.util.Objects.requireNonNull;

/**
 * A named, typed column of a {@link Schema}.
 *
 * @since 0.1.0
 */
public record Field(String name, DType dtype, Shape shape) {
    public Field {
        requireNonNull(name, "name is null");
        requireNonNull(dtype, "dtype is null");
        requireNonNull(shape, "shape is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a field name must not be empty");
        }
    }

    /** A scalar field: one value per row. */
    public static Field scalar(String name, DType dtype) {
        return new Field(name, dtype, Shape.SCALAR);
    }

    /** A variable-length (multivalent) field: any number of values per row. */
    public static Field variable(String name, DType dtype) {
        return new Field(name, dtype, Shape.VARIABLE);
    }

    @Override
    public String toString() {
        return name + ":" + dtype.tfName() + (shape.isScalar() ? "" : shape.toString());
    }
}
