package org.estimator4j.features;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.transform.RawFeature;
import org.estimator4j.features.transform.TransformContext;

/**
 * {@code tf.feature_column.sequence_numeric_column}: a variable-length list of numbers per row, read as a sequence of
 * elements of {@code shape}. {@link SequenceFeatures} pads it to the batch's longest sequence with {@code
 * default_value} (TensorFlow's sparse_tensor_to_dense) and reports each row's length: its number of values divided by
 * the element size, rounded up (TensorFlow's sequence_length_from_sparse_tensor). No normalizer: TensorFlow's
 * normalizer_fn is a Python function.
 */
public final class SequenceNumericColumn implements FeatureColumn {
    private static final List<DType> NUMERIC = List.of(DType.FLOAT32, DType.FLOAT64, DType.INT64);

    private final String key;
    private final int[] shape;
    private final float defaultValue;
    private final DType dtype;
    private final int width;

    SequenceNumericColumn(String key, int[] shape, float defaultValue, DType dtype) {
        this.key = requireNonNull(key, "key is null");
        this.shape = shape.clone();
        this.dtype = requireNonNull(dtype, "dtype is null");
        if (!NUMERIC.contains(dtype)) {
            throw new FeatureColumnException("sequence numeric column '" + key + "': dtype must be one of "
                    + NUMERIC.stream().map(DType::tfName).toList() + ", got " + dtype.tfName());
        }
        int w = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new FeatureColumnException("sequence numeric column '" + key
                        + "': shape dimensions must be positive, got " + Arrays.toString(shape));
            }
            w *= d;
        }
        this.width = w;
        this.defaultValue = defaultValue;
    }

    public String key() {
        return key;
    }

    /** The shape of one element of the sequence. */
    public int[] shape() {
        return shape.clone();
    }

    /** The value that pads sequences shorter than the batch's longest. */
    public float defaultValue() {
        return defaultValue;
    }

    public DType dtype() {
        return dtype;
    }

    /** Values per sequence element (the product of {@link #shape()}). */
    public int width() {
        return width;
    }

    @Override
    public String name() {
        return key;
    }

    @Override
    public Set<String> rawKeys() {
        return Set.of(key);
    }

    /** The raw feature this column reads, checked to be numeric. */
    RawFeature raw(TransformContext context) {
        return context.raw(key, this, NUMERIC);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceNumericColumn c
                && c.key.equals(key)
                && Arrays.equals(c.shape, shape)
                && Float.compare(c.defaultValue, defaultValue) == 0
                && c.dtype == dtype;
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "SequenceNumericColumn(key=" + key + ", shape=" + Arrays.toString(shape) + ", default_value="
                + defaultValue + ", dtype=" + dtype.tfName() + ")";
    }
}
