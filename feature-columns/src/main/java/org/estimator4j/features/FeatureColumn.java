package org.estimator4j.features;

import java.util.Set;

/**
 * Describes how raw features become model inputs, as a {@code tf.feature_column} does. Columns are immutable values
 * (equals and hashCode compare their configuration and learned state) built through {@link FeatureColumns}.
 */
public interface FeatureColumn {
    /** The column's name, derived as TensorFlow derives it (e.g. {@code age_bucketized}, {@code a_X_b}). */
    String name();

    /** The raw feature keys this column reads. */
    Set<String> rawKeys();

    /**
     * False while this column, or one it is built on, still has state to learn from data (a learned vocabulary,
     * quantile boundaries or normalizer): such a column transforms nothing until {@code FeatureColumnAdapter.adapt}.
     */
    default boolean isAdapted() {
        return true;
    }
}
