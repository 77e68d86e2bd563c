package org.estimator4j.features;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Set;
import org.estimator4j.features.transform.TransformContext;

/**
 * One member of {@code tf.feature_column.shared_embeddings}: like {@link EmbeddingColumn}, but every member of the
 * group looks its ids up in one table, named by the group ({@code shared_embedding_collection_name}).
 */
public final class SharedEmbeddingColumn implements DenseColumn {
    private final CategoricalColumn categoricalColumn;
    private final String sharedName;
    private final int dimension;
    private final Combiner combiner;
    private final Float maxNorm;
    private final boolean trainable;

    SharedEmbeddingColumn(
            CategoricalColumn categoricalColumn,
            String sharedName,
            int dimension,
            Combiner combiner,
            Float maxNorm,
            boolean trainable) {
        this.categoricalColumn = requireNonNull(categoricalColumn, "categoricalColumn is null");
        this.sharedName = requireNonNull(sharedName, "sharedName is null");
        EmbeddingTableSize.check(
                "shared embedding column over '" + categoricalColumn.name() + "'", categoricalColumn, dimension);
        this.dimension = dimension;
        this.combiner = requireNonNull(combiner, "combiner is null");
        this.maxNorm = maxNorm;
        this.trainable = trainable;
    }

    public CategoricalColumn categoricalColumn() {
        return categoricalColumn;
    }

    /** The same member over another categorical column (adapt uses it after learning that column's vocabulary). */
    public SharedEmbeddingColumn withCategoricalColumn(CategoricalColumn c) {
        return new SharedEmbeddingColumn(c, sharedName, dimension, combiner, maxNorm, trainable);
    }

    /** The shared table's name: the same for every member of the group. */
    public String sharedEmbeddingCollectionName() {
        return sharedName;
    }

    public int dimension() {
        return dimension;
    }

    public Combiner combiner() {
        return combiner;
    }

    public Float maxNorm() {
        return maxNorm;
    }

    public boolean trainable() {
        return trainable;
    }

    @Override
    public String name() {
        return categoricalColumn.name() + "_shared_embedding";
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
        float[] table = context.tables().table(sharedName, categoricalColumn.numBuckets(), dimension);
        EmbeddingLookup.write(categoricalColumn.ids(context), table, dimension, combiner, maxNorm, out, stride, offset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SharedEmbeddingColumn c
                && c.categoricalColumn.equals(categoricalColumn)
                && c.sharedName.equals(sharedName)
                && c.dimension == dimension
                && c.combiner == combiner
                && Objects.equals(c.maxNorm, maxNorm)
                && c.trainable == trainable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(categoricalColumn, sharedName, dimension);
    }

    @Override
    public String toString() {
        return "SharedEmbeddingColumn(categorical_column=" + categoricalColumn + ", shared_embedding_collection_name="
                + sharedName + ", dimension=" + dimension + ", combiner=" + combiner.tfName() + ")";
    }
}
