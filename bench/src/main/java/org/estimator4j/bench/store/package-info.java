/**
 * Experiment-store benchmarks: {@link MetricLoggingBench} measures how fast one run's metric points are logged and
 * committed (and what each {@code logMetric} call costs the training thread), and {@link RunSearchBench} the latency of
 * whole run searches over 10,000 runs in an H2 file. Both report CPU time beside the wall-clock figures, as it stays
 * meaningful when other processes compete for the cores. The package depends on the experiment-store module
 * ({@code store}, {@code store.query}) and on the api module's {@code api.tracking}; nothing depends on it, and like
 * all of {@code bench} it sits outside the product.
 */
package org.estimator4j.bench.store;
