/**
 * Benchmarks of the premade estimators: training and inference examples/s of every classifier on the real UCI Adult
 * data ({@link AdultEstimatorsBench}), linear training speed through the whole estimator loop
 * ({@link LinearTrainingBench}), Criteo-shaped click-through workloads on linear and deep models
 * ({@link CtrLinearBench}, {@link CtrDnnBench}), and single-example serving latency of exported bundles
 * ({@link PredictorLatencyBench}, {@link CensusPredictorLatencyBench}). {@link StepClock} times the step loop inside
 * {@code train()}, leaving model restoring and the final checkpoint out. The package depends on the estimators,
 * feature-columns and api modules and on {@code bench.csv} and {@code bench.features}; {@code bench.compare} reuses
 * {@link StepClock}, and the product never depends on {@code bench}.
 */
package org.estimator4j.bench.estimators;
