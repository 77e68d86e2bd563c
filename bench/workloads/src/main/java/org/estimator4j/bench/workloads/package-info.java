/**
 * What {@code bench/compare.sh} runs on both sides, defined once: the {@link Workload}s (models and their columns),
 * their seeded data ({@link DataGenerator}, {@link GenerateData}, {@link WorkloadData}), the optimizers both sides
 * configure ({@link OptimizerSpec}), the measuring protocol ({@link ContenderMain}, which runs a {@link Contender}'s
 * {@link WorkloadSession}s within a {@link Budget} and appends each {@link Measurement} to the results file), and the
 * final table ({@link CompareReport}). The package depends on the JDK alone, so that TensorFlow's JVM can load it next
 * to its own natives. The Estimator4J side ({@code bench.compare} in the {@code bench} module) and
 * {@code bench/tensorflow-reference} depend on it; it depends on no Estimator4J module, and the product never depends
 * on it.
 */
package org.estimator4j.bench.workloads;
