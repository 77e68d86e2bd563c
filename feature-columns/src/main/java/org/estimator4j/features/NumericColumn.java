package org.estimator4j.features;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.transform.RawFeature;
import org.estimator4j.features.transform.TransformContext;

/**
 * {@code tf.feature_column.numeric_column}: a raw numeric feature of a fixed shape, as float32, with an optional
 * default for missing values (without one, a missing value is an error) and an optional normalizer.
 */
public final class NumericColumn implements DenseColumn {
    private static final List<DType> NUMERIC = List.of(DType.FLOAT32, DType.FLOAT64, DType.INT64);

    private final String key;
    private final int[] shape;
    private final float[] defaultValue;
    private final Normalizer normalizer;
    private final int width;

    NumericColumn(String key, int[] shape, float[] defaultValue, Normalizer normalizer) {
        this.key = requireNonNull(key, "key is null");
        this.shape = shape.clone();
        int w = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new FeatureColumnException("numeric column '" + key + "': shape dimensions must be positive, got "
                        + Arrays.toString(shape));
            }
            w *= d;
        }
        this.width = w;
        if (defaultValue != null && defaultValue.length != w) {
            throw new FeatureColumnException("numeric column '" + key + "': default_value has " + defaultValue.length
                    + " values; shape " + Arrays.toString(shape) + " needs " + w);
        }
        this.defaultValue = defaultValue == null ? null : defaultValue.clone();
        this.normalizer = requireNonNull(normalizer, "normalizer is null");
    }

    public String key() {
        return key;
    }

    public int[] shape() {
        return shape.clone();
    }

    /** The value used for missing entries, or null when a missing value is an error. */
    public float[] defaultValue() {
        return defaultValue == null ? null : defaultValue.clone();
    }

    public Normalizer normalizer() {
        return normalizer;
    }

    /** The same column with another normalizer (what {@code adapt} returns). */
    public NumericColumn withNormalizer(Normalizer n) {
        return new NumericColumn(key, shape, defaultValue, n);
    }

    @Override
    public String name() {
        return key;
    }

    @Override
    public boolean isAdapted() {
        return normalizer.isAdapted();
    }

    @Override
    public Set<String> rawKeys() {
        return Set.of(key);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public void writeDense(TransformContext context, float[] out, int stride, int offset) {
        if (!normalizer.isAdapted()) {
            throw new FeatureColumnException("numeric column '" + key + "' learns its normalizer from data and has "
                    + "not been adapted yet: call FeatureColumnAdapter.adapt(columns, data) first");
        }
        RawFeature raw = context.raw(key, this, NUMERIC);
        float[] floats = raw.floatsOrNull();
        if (floats != null && normalizer.kind() == Normalizer.Kind.NONE && raw.width() == width && !raw.anyMissing()) {
            checkFinite(context, floats, context.numRows() * width);
            copy(floats, context.numRows(), out, stride, offset); // float32 values as they are: a copy
            return;
        }
        for (int r = 0; r < context.numRows(); r++) {
            int start = raw.start(r);
            int n = raw.end(r) - start;
            int o = r * stride + offset;
            if (n == width) {
                for (int i = 0; i < width; i++) {
                    out[o + i] = normalizer.apply(finite(context, r, raw.floatAt(start + i), raw, start + i));
                }
            } else if (n == 0 && defaultValue != null) {
                for (int i = 0; i < width; i++) {
                    out[o + i] = normalizer.apply(defaultValue[i]);
                }
            } else if (n == 0) {
                throw new FeatureColumnException(context.rowName(r) + ": numeric column '" + key + "' has a missing "
                        + "value; give it a default_value or fill the input");
            } else {
                throw new FeatureColumnException("numeric column '" + key + "' has shape " + Arrays.toString(shape)
                        + " (" + width + " values per row) but " + context.rowName(r) + " has " + n);
            }
        }
    }

    private void copy(float[] values, int n, float[] out, int stride, int offset) {
        if (width == 1) {
            for (int r = 0; r < n; r++) {
                out[r * stride + offset] = values[r];
            }
        } else {
            for (int r = 0; r < n; r++) {
                System.arraycopy(values, r * width, out, r * stride + offset, width);
            }
        }
    }

    /** Reads one row's values, normalized: what TensorFlow's bucketized column splits. */
    float[] values(TransformContext context, int row, float[] into) {
        RawFeature raw = context.raw(key, this, NUMERIC);
        int start = raw.start(row);
        int n = raw.end(row) - start;
        if (n == width) {
            for (int i = 0; i < width; i++) {
                into[i] = normalizer.apply(finite(context, row, raw.floatAt(start + i), raw, start + i));
            }
            return into;
        }
        if (n == 0 && defaultValue != null) {
            for (int i = 0; i < width; i++) {
                into[i] = normalizer.apply(defaultValue[i]);
            }
            return into;
        }
        if (n == 0) {
            throw new FeatureColumnException(context.rowName(row) + ": numeric column '" + key + "' has a missing "
                    + "value; give it a default_value or fill the input");
        }
        throw new FeatureColumnException("numeric column '" + key + "' has shape " + Arrays.toString(shape) + " ("
                + width + " values per row) but " + context.rowName(row) + " has " + n);
    }

    // The non-finite policy (README, "Feature columns"): NaN, infinities and values beyond float32 are refused in
    // every mode, whatever the source (files are checked when read; maps and in-memory batches here). A default_value
    // stands in only for a missing value, as in TensorFlow.
    private void checkFinite(TransformContext context, float[] values, int count) {
        for (int i = 0; i < count; i++) {
            if (!Float.isFinite(values[i])) {
                throw nonFinite(context, i / width, Float.toString(values[i]));
            }
        }
    }

    private float finite(TransformContext context, int row, float value, RawFeature raw, int index) {
        if (!Float.isFinite(value)) {
            throw nonFinite(context, row, raw.valueText(index));
        }
        return value;
    }

    private FeatureColumnException nonFinite(TransformContext context, int row, String value) {
        return new FeatureColumnException(context.rowName(row) + ": numeric column '" + key + "' has the value "
                + value + ", which is not a finite float32 number; NaN, infinities and values beyond float32 are "
                + "refused (a default_value replaces only missing values): fix the input or leave the value out");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericColumn c
                && c.key.equals(key)
                && Arrays.equals(c.shape, shape)
                && Arrays.equals(c.defaultValue, defaultValue)
                && c.normalizer.equals(normalizer);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "NumericColumn(key=" + key + ", shape=" + Arrays.toString(shape) + ", default_value="
                + Arrays.toString(defaultValue) + ", normalizer=" + normalizer + ")";
    }
}
