/**
 * The CSV reader behind {@code Dataset.fromCsv}: {@code CsvDataset} resolves the files' layout ({@code CsvLayout}) when
 * the dataset is created and re-reads the files on every pass, parsing them with FastCSV into typed {@code Example}
 * rows ({@code RowParser}, {@code FieldText}, {@code StringPool}), on worker threads when asked, in chunks of whole
 * records cut by {@code RecordChunker}. As an {@code internal} package it is an implementation detail of the
 * {@code api} module, not for users or plugins, and it may change without notice; code outside {@code api} uses
 * {@link org.estimator4j.api.csv.CsvOptions} and {@link org.estimator4j.api.data.Dataset} instead. It depends on
 * {@code api.csv}, {@code api.data}, {@code api.data.internal}, {@code api.table}, {@code api.internal}, FastCSV and
 * fastdoubleparser.
 */
package org.estimator4j.api.csv.internal;
