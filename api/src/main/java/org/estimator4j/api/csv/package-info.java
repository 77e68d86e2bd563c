/**
 * Reading CSV files into rows: {@link CsvOptions} says which files to read and how (header, delimiter, quoting,
 * missing-value tokens, declared or inferred column types, label columns, parsing threads), and {@link BadRowPolicy}
 * what a pass does with a row it cannot read as declared. {@link org.estimator4j.api.data.Dataset#fromCsv} and
 * {@link org.estimator4j.api.input.CsvInputFn} turn the options into datasets; the parser itself, built on FastCSV, is
 * in {@code api.csv.internal}. Users and the modules above {@code api} may use this package. It depends on
 * {@code api.data} and {@code api.table} only.
 */
package org.estimator4j.api.csv;
