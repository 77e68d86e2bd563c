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
 * raw float feature whose values line up with the ids (same count per row). Indicator columns sum the weights;
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
            throw new FeatureColumnException("weighted column over '" + categoricalColumn.name()
                    + "': that column is weighted already");
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
            for (int r = 0; r < ids.numRows(); r++) {
                int count = ids.count(r);
                int start = w.start(r);
                if (w.end(r) - start != count) {
                    throw new FeatureColumnException("weighted column '" + name() + "': row " + r + " has " + count
                            + " ids but " + (w.end(r) - start) + " weights in '" + weightFeatureKey + "'");
                }
                for (int i = 0; i < count; i++) {
                    weights[ids.offsets()[r] + i] = w.floatAt(start + i);
                }
            }
            return ids.withWeights(weights);
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightedCategoricalColumn c && c.categoricalColumn.equals(categoricalColumn)
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
