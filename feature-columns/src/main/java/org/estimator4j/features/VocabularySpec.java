package org.estimator4j.features;

import static java.util.Objects.requireNonNull;

import org.estimator4j.api.table.DType;

/**
 * How {@code adapt} learns a vocabulary column's vocabulary in one pass over the data: keep values seen at least
 * {@code minFrequency} times, at most {@code maxTokens} of them (null for all), ordered by frequency, most frequent
 * first, ties by value (so the result is deterministic). Unknown values then follow the column's default_value /
 * num_oov_buckets as usual.
 */
public record VocabularySpec(DType dtype, long minFrequency, Integer maxTokens) {
    public VocabularySpec {
        requireNonNull(dtype, "dtype is null");
        if (dtype != DType.STRING && dtype != DType.INT64) {
            throw new FeatureColumnException("a learned vocabulary is string or int64, not " + dtype.tfName());
        }
        if (minFrequency < 1) {
            throw new FeatureColumnException("min_frequency must be >= 1, got " + minFrequency);
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new FeatureColumnException("max_tokens must be >= 1, got " + maxTokens);
        }
    }

    /** Every string value seen at least once. */
    public static VocabularySpec strings() {
        return new VocabularySpec(DType.STRING, 1, null);
    }
}
