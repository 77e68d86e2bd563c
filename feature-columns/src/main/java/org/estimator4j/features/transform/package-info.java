/**
 * Turning batches of raw features into model inputs: {@link FeatureTransformer} computes, for a fixed set of columns,
 * either the dense matrix of TensorFlow's {@code DenseFeatures} or what a linear model reads (sparse ids and dense
 * values), as a {@link TransformedBatch}; {@link TransformContext} caches one batch's {@link RawFeature}s and
 * categorical ids while it is transformed; and {@link EmbeddingTables} holds the embedding weights that models own and
 * train and embedding columns read. The columns of {@code org.estimator4j.features} compute their outputs against this
 * package, and the models of {@code estimators} use it for every batch they train on, evaluate or predict. It depends
 * on {@code org.estimator4j.features}, {@code features.hash} and {@code api.table}.
 */
package org.estimator4j.features.transform;
