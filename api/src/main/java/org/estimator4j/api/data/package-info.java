/**
 * Streaming datasets modelled on {@code tf.data}: {@link Dataset}, a lazy sequence that re-reads its source on every
 * pass, with its sources ({@code fromCsv}, {@code fromJsonLines}, {@code fromRecords}, ...) and operations
 * ({@code shuffle}, {@code batch}, {@code map}, {@code interleave}, {@code window}, {@code cache}, {@code prefetch},
 * ...); {@link DatasetIterator}, one pass, with {@link AbstractDatasetIterator} as a base for writing passes;
 * {@link Batcher} and {@link Pair}; and the errors {@link DataFormatException} (input that cannot be read as declared,
 * with its file, line and column) and {@link DatasetException} (any other failure of a pass). Users,
 * {@code feature-columns}, {@code estimators} and {@code cli} may use it. The operations are implemented in
 * {@code api.data.internal}, the file sources in {@code api.csv.internal} and {@code api.json.internal}; besides those,
 * the package depends on {@code api.table}, {@code api.csv} and {@code api.json}.
 */
package org.estimator4j.api.data;
