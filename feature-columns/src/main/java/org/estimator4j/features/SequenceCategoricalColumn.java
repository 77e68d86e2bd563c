package org.estimator4j.features;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.estimator4j.features.transform.TransformContext;

/**
 * TensorFlow's SequenceCategoricalColumn ({@code tf.feature_column.sequence_categorical_column_with_*}): a categorical
 * column applied to each position of a variable-length list. Its ids are the wrapped column's, one per value and in
 * order (hashing, vocabulary lookup and identity are the wrapped column's own); {@link SequenceFeatures} keeps them per
 * position instead of pooling them.
 */
public final class SequenceCategoricalColumn implements CategoricalColumn {
    private final CategoricalColumn categoricalColumn;

    SequenceCategoricalColumn(CategoricalColumn categoricalColumn) {
        this.categoricalColumn = requireNonNull(categoricalColumn, "categorical column is null");
        if (categoricalColumn instanceof SequenceCategoricalColumn) {
            throw new FeatureColumnException(
                    "sequence categorical column '" + categoricalColumn.name() + "' is already a sequence column");
        }
    }

    /** The categorical column applied at each position. */
    public CategoricalColumn categoricalColumn() {
        return categoricalColumn;
    }

    @Override
    public String name() {
        return categoricalColumn.name(); // as TensorFlow names it
    }

    @Override
    public Set<String> rawKeys() {
        return categoricalColumn.rawKeys();
    }

    @Override
    public boolean isAdapted() {
        return categoricalColumn.isAdapted();
    }

    @Override
    public long numBuckets() {
        return categoricalColumn.numBuckets();
    }

    @Override
    public SparseIds ids(TransformContext context) {
        return categoricalColumn.ids(context);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceCategoricalColumn c && c.categoricalColumn.equals(categoricalColumn);
    }

    @Override
    public int hashCode() {
        return categoricalColumn.hashCode() * 31 + 7;
    }

    @Override
    public String toString() {
        return "SequenceCategoricalColumn(categorical_column=" + categoricalColumn + ")";
    }
}
