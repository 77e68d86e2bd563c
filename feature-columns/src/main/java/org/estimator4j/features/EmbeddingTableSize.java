package org.estimator4j.features;

import org.estimator4j.api.memory.FloatBudget;

/**
 * The size check of an embedding table (num_buckets × dimension floats) when its column is built, so a column read
 * from JSON, a config or {@code model.json} with 2^40 hash buckets or dimension 2e9 is refused by name before any
 * model allocates the table.
 */
final class EmbeddingTableSize {
    private EmbeddingTableSize() {}

    /** Refuses {@code column} (a description like "embedding column over 'color'") when its table is too large. */
    static void check(String column, CategoricalColumn categorical, int dimension) {
        if (!categorical.isAdapted()) {
            return; // a vocabulary learned from data has no size yet; the adapted column is checked when built
        }
        String problem = FloatBudget.tooLarge(categorical.numBuckets(), dimension);
        if (problem != null) {
            throw new FeatureColumnException(column + ": its table of num_buckets x dimension is too large: "
                    + problem + "; use fewer buckets (hash_bucket_size, vocabulary, num_oov_buckets) or a smaller "
                    + "dimension");
        }
    }
}
