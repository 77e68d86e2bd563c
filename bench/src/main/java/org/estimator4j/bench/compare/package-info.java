/**
 * Estimator4J's side of {@code bench/compare.sh}: {@link Estimator4jReference} is the main class its JVM runs (the
 * TensorFlow-Java reference runs the same protocol in a JVM of its own), and {@link SgemmCeiling} measures the
 * machine's OpenBLAS sgemm ceiling, the yardstick of the report's "fraction of sgemm" column. Package-private classes
 * implement the shared protocol's {@code Contender} and {@code WorkloadSession} with the premade estimators a user
 * would configure for each workload, their inputs, and the exported bundle's {@code Predictor}. The package depends on
 * {@code bench.workloads} (the protocol, the workloads and their data), on {@code bench.estimators}'s
 * {@code StepClock}, on the estimators, feature-columns and api modules, and on OpenBLAS through JavaCPP. Like all of
 * {@code bench}, it sits outside the product: nothing in the product depends on it.
 */
package org.estimator4j.bench.compare;
