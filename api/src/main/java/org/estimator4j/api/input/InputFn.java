package org.estimator4j.api.input;

import org.estimator4j.api.data.Dataset;

/**
 * Supplies an estimator's data, as {@code input_fn} does in {@code tf.estimator}: given the mode, a dataset of
 * (features, labels) batches. Estimators call it once per train / evaluate / predict call and close the dataset when
 * done.
 *
 * <pre>{@code
 * InputFn input = mode -> Dataset.fromCsv(options)
 *         .shuffle(10_000, 42)
 *         .batch(256, false, Batch::of)
 *         .map(b -> LabeledBatch.split(b, List.of("income_bracket")));
 * }</pre>
 *
 * {@link CsvInputFn} builds the usual one for CSV files.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface InputFn {
    Dataset<LabeledBatch> apply(Mode mode);
}
