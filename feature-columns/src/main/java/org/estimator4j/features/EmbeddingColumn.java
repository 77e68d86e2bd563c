package org.estimator4j.features;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Set;
import org.estimator4j.features.transform.TransformContext;

/**
 * {@code tf.feature_column.embedding_column}: each id of a categorical column looks up a trainable vector of
 * {@code dimension} floats; a row's vectors are combined (mean by default). The table is named after the column and
 * comes from the context's {@link org.estimator4j.features.transform.EmbeddingTables}, initialised as TensorFlow does
 * (truncated normal, stddev 1/sqrt(dimension)) until a model trains it.
 */
public final class EmbeddingColumn implements DenseColumn {
    private final CategoricalColumn categoricalColumn;
    private final int dimension;
    private final Combiner combiner;
    private final Float maxNorm;
    private final boolean trainable;

    EmbeddingColumn(
            CategoricalColumn categoricalColumn, int dimension, Combiner combiner, Float maxNorm, boolean trainable) {
        this.categoricalColumn = requireNonNull(categoricalColumn, "categoricalColumn is null");
        if (dimension < 1) {
            throw new FeatureColumnException("embedding column over '" + categoricalColumn.name()
                    + "': dimension must be > 0, got " + dimension);
        }
        if (maxNorm != null && !(maxNorm > 0)) {
            throw new FeatureColumnException(
                    "embedding column over '" + categoricalColumn.name() + "': max_norm must be > 0, got " + maxNorm);
        }
        EmbeddingTableSize.check(
                "embedding column over '" + categoricalColumn.name() + "'", categoricalColumn, dimension);
        this.dimension = dimension;
        this.combiner = requireNonNull(combiner, "combiner is null");
        this.maxNorm = maxNorm;
        this.trainable = trainable;
    }

    public CategoricalColumn categoricalColumn() {
        return categoricalColumn;
    }

    public int dimension() {
        return dimension;
    }

    public Combiner combiner() {
        return combiner;
    }

    /** The L2 norm each vector is clipped to, or null. */
    public Float maxNorm() {
        return maxNorm;
    }

    public boolean trainable() {
        return trainable;
    }

    @Override
    public String name() {
        return categoricalColumn.name() + "_embedding";
    }

    /** The embedding table's name. */
    public String tableName() {
        return name() + "/embedding_weights";
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
        return dimension;
    }

    @Override
    public void writeDense(TransformContext context, float[] out, int stride, int offset) {
        float[] table = context.tables().table(tableName(), categoricalColumn.numBuckets(), dimension);
        EmbeddingLookup.write(categoricalColumn.ids(context), table, dimension, combiner, maxNorm, out, stride, offset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmbeddingColumn c
                && c.categoricalColumn.equals(categoricalColumn)
                && c.dimension == dimension
                && c.combiner == combiner
                && Objects.equals(c.maxNorm, maxNorm)
                && c.trainable == trainable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(categoricalColumn, dimension, combiner, maxNorm, trainable);
    }

    @Override
    public String toString() {
        return "EmbeddingColumn(categorical_column=" + categoricalColumn + ", dimension=" + dimension + ", combiner="
                + combiner.tfName() + ", max_norm=" + maxNorm + ", trainable=" + trainable + ")";
    }
}
