package org.estimator4j.features;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Set;
import org.estimator4j.features.transform.TransformContext;

/**
 * {@code tf.feature_column.indicator_column}: a categorical column as a multi-hot vector of num_buckets counts (an id
 * seen twice counts 2; a weighted column adds its weights). Negative ids (-1) are skipped.
 */
public final class IndicatorColumn implements DenseColumn {
    private final CategoricalColumn categoricalColumn;

    IndicatorColumn(CategoricalColumn categoricalColumn) {
        this.categoricalColumn = requireNonNull(categoricalColumn, "categoricalColumn is null");
        if (categoricalColumn.isAdapted() && categoricalColumn.numBuckets() > 1_000_000) {
            throw new FeatureColumnException("indicator column over '" + categoricalColumn.name() + "' would be "
                    + categoricalColumn.numBuckets() + " wide; use an embedding column for so many buckets");
        }
    }

    public CategoricalColumn categoricalColumn() {
        return categoricalColumn;
    }

    @Override
    public String name() {
        return categoricalColumn.name() + "_indicator";
    }

    @Override
    public boolean isAdapted() {
        return categoricalColumn.isAdapted();
    }

    @Override
    public Set<String> rawKeys() {
        return categoricalColumn.rawKeys();
    }

    @Override
    public int width() {
        return (int) categoricalColumn.numBuckets();
    }

    @Override
    public void writeDense(TransformContext context, float[] out, int stride, int offset) {
        SparseIds ids = categoricalColumn.ids(context);
        int width = width();
        int[] offsets = ids.offsets();
        long[] id = ids.ids();
        float[] w = ids.weights();
        for (int r = 0; r < context.numRows(); r++) {
            int o = r * stride + offset;
            Arrays.fill(out, o, o + width, 0f);
            for (int i = offsets[r]; i < offsets[r + 1]; i++) {
                if (id[i] >= 0 && id[i] < width) {
                    out[o + (int) id[i]] += w == null ? 1f : w[i];
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndicatorColumn c && c.categoricalColumn.equals(categoricalColumn);
    }

    @Override
    public int hashCode() {
        return categoricalColumn.hashCode() * 17;
    }

    @Override
    public String toString() {
        return "IndicatorColumn(categorical_column=" + categoricalColumn + ")";
    }
}
