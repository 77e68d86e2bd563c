/**
 * TensorFlow-compatible feature columns ({@code tf.feature_column}), built through {@link FeatureColumns}: the column
 * types {@link FeatureColumn}, {@link DenseColumn} and {@link CategoricalColumn}, the concrete {@link NumericColumn},
 * {@link BucketizedColumn}, {@link HashBucketColumn}, {@link IdentityColumn}, {@link VocabularyListColumn},
 * {@link VocabularyFileColumn}, {@link CrossedColumn}, {@link WeightedCategoricalColumn}, {@link IndicatorColumn},
 * {@link EmbeddingColumn} and {@link SharedEmbeddingColumn}, their options {@link Normalizer}, {@link VocabularySpec}
 * and {@link Combiner}, and {@link SparseIds}, a categorical column's ids for a batch. Columns are immutable values
 * that compute their ids with TensorFlow's rules and hashes. Transforming batches is in {@code features.transform},
 * JSON in {@code features.json} and learning column state from data in {@code features.adapt}. The
 * {@code feature-columns} module depends on {@code api} (its {@code api.table} data model above all) and never on
 * {@code estimators}, {@code experiment-store} or {@code cli}; {@code estimators} and {@code cli} use it.
 */
package org.estimator4j.features;
