/**
 * The tabular data model that datasets, feature columns and models share: {@link Schema}, made of {@link Field}s with a
 * {@link DType} and a {@link Shape}; {@link Example}, one row; {@link Batch}, a columnar batch of {@link Column}s
 * ({@link FloatColumn}, {@link DoubleColumn}, {@link LongColumn}, {@link StringColumn} and the variable-length
 * {@link RaggedColumn}); {@link Padding}, for padded batches; and {@link RowOrigin}, the file and line a row was read
 * from. It depends on the JDK only. Every part of {@code api} and the modules above it ({@code feature-columns},
 * {@code estimators}, {@code cli}) may use it.
 */
package org.estimator4j.api.table;
