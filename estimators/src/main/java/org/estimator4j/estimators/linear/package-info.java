/**
 * TensorFlow's linear estimators: {@link LinearClassifier} and {@link LinearRegressor}, over feature columns and
 * trained with FTRL, and the model behind them, the package-private {@code LinearModel} (the hot path), whose cost per example is proportional to the
 * active ids, never to the number of buckets ({@link LinearPart} puts it behind the estimators' {@code Model}).
 * {@link SparseCombiner} is TensorFlow's {@code sparse_combiner}; {@link LinearBuilder} holds the options both
 * builders share. The package depends on the api and feature-columns
 * modules and on {@code org.estimator4j.estimators}, {@code head} and {@code optimizer} ({@code FtrlOptimizer}). The
 * {@code widedeep} package uses it as its wide part and {@code serving} rebuilds it from bundles; outside this module
 * only the CLI and the benchmarks use it.
 */
package org.estimator4j.estimators.linear;
