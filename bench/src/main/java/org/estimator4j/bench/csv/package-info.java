/**
 * Input-pipeline benchmarks: {@link CsvThroughputBench} (CSV file to typed columnar batches, rows/s and MB/s per
 * parsing thread count) and {@link StreamingMemoryBench} (peak heap while a large CSV streams through shuffle and
 * batch, which must stay constant whatever the file size), both on a file {@link AdultShapedCsv} writes: a seeded CSV
 * shaped like UCI Adult, of a requested size. The package depends only on the api module's CSV, data and table types.
 * Within the benchmarks {@code bench.estimators} and {@code bench.features} reuse {@link AdultShapedCsv}; the product
 * never depends on {@code bench}.
 */
package org.estimator4j.bench.csv;
