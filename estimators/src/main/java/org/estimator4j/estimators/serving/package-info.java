/**
 * Export bundles and serving: {@link BundleWriter} writes a bundle ({@code model.json}, {@code variables.e4j}, the
 * vocabulary files under {@code assets/}, and {@link BundleManifest} last, with every file's size and SHA-256) and
 * {@link Predictor} loads one and answers predictions from raw features, from any number of threads.
 * {@link ExportedBundle} says what an export produced, and {@link InvalidBundleException} names the file at fault and
 * what to do when a bundle cannot be written or served. The package rebuilds models from their descriptions, so it
 * depends on every premade model package ({@code linear}, {@code dnn}, {@code widedeep}, {@code baseline}) and on
 * {@code head}, {@code checkpoint} and {@code optimizer}, besides the api and feature-columns modules.
 * {@code ModelEstimator} exports through it (so does {@code TrainAndEvaluate}'s best model); outside this module the
 * CLI ({@code e4j export}, {@code e4j predict}, {@code e4j quickstart}) and the benchmarks use it.
 */
package org.estimator4j.estimators.serving;
