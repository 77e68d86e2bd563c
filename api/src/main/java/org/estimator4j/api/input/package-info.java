/**
 * Input functions, as {@code input_fn} in {@code tf.estimator}: {@link InputFn} gives an estimator a dataset of
 * {@link LabeledBatch}es (feature columns and label columns) for a {@link Mode} (train, evaluate or predict), and
 * {@link CsvInputFn} is the standard one for CSV files (shuffle, repeat, batch, split off the labels, prefetch). Users
 * and {@code cli} write or build input functions, and the models of {@code estimators} consume them. The package builds
 * on {@code api.data}, {@code api.table} and {@code api.csv}, and on nothing outside the {@code api} module.
 */
package org.estimator4j.api.input;
