package org.estimator4j.features;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.transform.RawFeature;
import org.estimator4j.features.transform.TransformContext;

/**
 * {@code tf.feature_column.weighted_categorical_column}: a categorical column's ids with a weight each, read from a
 * raw float feature whose values line up with the ids (same count per row; a dense weight feature with more values
 * than the row has ids drops its 0.0 entries first, as TensorFlow does). Indicator columns sum the weights;
 * embedding columns and linear models weight their lookups.
 */
public final class WeightedCategoricalColumn implements CategoricalColumn {
    private static final List<DType> WEIGHT_TYPES = List.of(DType.FLOAT32, DType.FLOAT64, DType.INT64);

    private final CategoricalColumn categoricalColumn;
    private final String weightFeatureKey;

    WeightedCategoricalColumn(CategoricalColumn categoricalColumn, String weightFeatureKey) {
        this.categoricalColumn = requireNonNull(categoricalColumn, "categoricalColumn is null");
        this.weightFeatureKey = requireNonNull(weightFeatureKey, "weightFeatureKey is null");
        if (categoricalColumn instanceof WeightedCategoricalColumn) {
            throw new FeatureColumnException(
                    "weighted column over '" + categoricalColumn.name() + "': that column is weighted already");
        }
        if (categoricalColumn.rawKeys().contains(weightFeatureKey)) {
            // TensorFlow: "Parse config {} already exists for {}" (the ids and the weights would share one feature).
            throw new FeatureColumnException("weighted column '" + name() + "': the weight feature '"
                    + weightFeatureKey + "' is also a feature of '" + categoricalColumn.name()
                    + "'; weights need a feature of their own");
        }
    }

    public CategoricalColumn categoricalColumn() {
        return categoricalColumn;
    }

    public String weightFeatureKey() {
        return weightFeatureKey;
    }

    @Override
    public String name() {
        return categoricalColumn.name() + "_weighted_by_" + weightFeatureKey;
    }

    @Override
    public boolean isAdapted() {
        return categoricalColumn.isAdapted();
    }

    @Override
    public Set<String> rawKeys() {
        Set<String> keys = new LinkedHashSet<>(categoricalColumn.rawKeys());
        keys.add(weightFeatureKey);
        return keys;
    }

    @Override
    public long numBuckets() {
        return categoricalColumn.numBuckets();
    }

    @Override
    public SparseIds ids(TransformContext context) {
        return context.ids(this, () -> {
            SparseIds ids = categoricalColumn.ids(context);
            RawFeature w = context.raw(weightFeatureKey, this, WEIGHT_TYPES);
            int total = ids.offsets()[ids.numRows()];
            float[] weights = new float[total];
            boolean dense = w.width() >= 0;
            for (int r = 0; r < ids.numRows(); r++) {
                int count = ids.count(r);
                int start = w.start(r);
                int end = w.end(r);
                int o = ids.offsets()[r];
                if (end - start == count) {
                    for (int i = 0; i < count; i++) {
                        weights[o + i] = finite(context, r, w, start + i);
                    }
                    continue;
                }
                // TensorFlow makes dense weights sparse by dropping their 0.0 entries
                // (_to_sparse_input_and_drop_ignore_values), then pairs the rest with the ids in order.
                int kept = 0;
                if (dense) {
                    for (int i = start; i < end; i++) {
                        if (w.floatAt(i) != 0f) {
                            kept++;
                        }
                    }
                }
                if (!dense || kept != count) {
                    throw new FeatureColumnException("weighted column '" + name() + "': " + context.rowName(r) + " has "
                            + count
                            + " ids but " + (end - start) + " weights in '" + weightFeatureKey + "'"
                            + (dense ? " (" + kept + " without the 0.0 entries a dense weight feature drops)" : ""));
                }
                for (int i = start, j = o; i < end; i++) {
                    float v = finite(context, r, w, i);
                    if (v != 0f) {
                        weights[j++] = v;
                    }
                }
            }
            return ids.withWeights(weights);
        });
    }

    // The non-finite policy (README, "Feature columns"): a NaN or infinite weight is refused like a numeric value.
    private float finite(TransformContext context, int row, RawFeature w, int index) {
        float v = w.floatAt(index);
        if (!Float.isFinite(v)) {
            throw new FeatureColumnException(context.rowName(row) + ": weighted column '" + name() + "' has the "
                    + "weight " + w.valueText(index) + " in '" + weightFeatureKey + "', which is not a finite float32 "
                    + "number; NaN, infinities and values beyond float32 are refused");
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightedCategoricalColumn c
                && c.categoricalColumn.equals(categoricalColumn)
                && c.weightFeatureKey.equals(weightFeatureKey);
    }

    @Override
    public int hashCode() {
        return categoricalColumn.hashCode() * 31 + weightFeatureKey.hashCode();
    }

    @Override
    public String toString() {
        return "WeightedCategoricalColumn(categorical_column=" + categoricalColumn + ", weight_feature_key="
                + weightFeatureKey + ")";
    }
}
