/**
 * {@code e4j data}: {@link DataCommand} and {@link InspectCommand}, which reads CSV files with the options an input
 * function would use and prints the resolved schema, per-column statistics (kept by the package-private
 * {@code ColumnSummary}), the first rows and the read speed. It is the quick check of types, missing-value tokens and
 * delimiters before training on the data. The package depends only on the api module's CSV, data and table types; only
 * the root command refers to it.
 */
package org.estimator4j.cli.data;
