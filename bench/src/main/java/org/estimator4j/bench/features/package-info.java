/**
 * Feature-column benchmarks: {@link CensusTransformBench} measures the transform throughput of {@link CensusColumns},
 * the wide (linear) and deep (dense) column set of TensorFlow's wide-and-deep census tutorial, on batches read into
 * memory first so that only the transform is timed; {@link QuantileSketchBench} measures the update cost and rank error
 * of the quantile sketch behind learned bucket boundaries against {@link HandWrittenKllSketch}, the one it replaced.
 * The package depends on the feature-columns module ({@code features}, {@code features.transform},
 * {@code features.adapt}), Apache DataSketches, the api module's CSV and table types and {@code bench.csv}.
 * {@code bench.estimators} reuses {@link CensusColumns}; the product never depends on {@code bench}.
 */
package org.estimator4j.bench.features;
