package org.estimator4j.api.table;

/**
 * The element type of a column, as TensorFlow names them: float32, float64, int64, string.
 *
 * @since 0.1.0
 */
public enum DType {
    FLOAT32,
    FLOAT64,
    INT64,
    STRING;

    /** True for FLOAT32, FLOAT64 and INT64. */
    public boolean isNumeric() {
        return this != STRING;
    }

    /** The lower-case TensorFlow spelling, e.g. {@code float32}. */
    public String tfName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
