/**
 * TensorFlow's baseline estimators: {@link BaselineClassifier} predicts the label prior and {@link BaselineRegressor}
 * the label mean, whatever the features, as the yardstick a real model must beat. Both train {@link BaselinePart}, one
 * learned bias per output, with FTRL at TensorFlow's default learning rate for baselines, 0.3 ({@link BaselineBuilder}
 * holds the options both builders share). The package builds on
 * {@code org.estimator4j.estimators} ({@code Model}, the builders), {@code head} and {@code optimizer}, and on the api
 * module's tables; it reads no feature columns. The {@code serving} package rebuilds these models from exported
 * bundles, and the CLI and the benchmarks configure them.
 */
package org.estimator4j.estimators.baseline;
