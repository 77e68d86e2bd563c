/**
 * What every premade estimator shares: {@link ModelEstimator}, the training loop (checkpoints, resume, divergence and
 * NaN checks) that drives a {@link Model} through a {@code Head}; the builders' common options
 * ({@link EstimatorBuilder}, {@link ClassifierBuilder}, {@link RegressorBuilder}); {@link TrainAndEvaluate} with its
 * {@link TrainSpec} and {@link EvalSpec}; {@link WarmStart}; and {@link EstimatorDescription}, the
 * {@code estimator.json} that says which model a directory holds. {@link ModelEstimator} implements the api module's
 * {@link org.estimator4j.api.estimator.Estimator}, and, of the project's modules, this package depends only on the api,
 * spi and feature-columns modules and on its own sub-packages ({@code head}, {@code checkpoint}, {@code serving}). The
 * premade models ({@code linear}, {@code dnn}, {@code widedeep}, {@code baseline}) build on it; outside this module
 * only the CLI (the composition root) and the benchmarks use it, and plugins never do: they compile against the spi
 * module alone.
 */
package org.estimator4j.estimators;
