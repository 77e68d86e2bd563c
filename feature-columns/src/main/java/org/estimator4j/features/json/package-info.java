/**
 * Feature columns to and from JSON, in the shape of TensorFlow's {@code serialize_feature_column}:
 * {@link FeatureColumnJson} reads and writes column trees (with extra keys for learned state) strictly, reporting a bad
 * value by its JSON path in a {@link FeatureColumnJsonException}, and {@link ColumnFiles} says where the files a column
 * names ({@code vocabulary_file}) are read from. Inside, Jackson binds the JSON to one record per TensorFlow class
 * ({@code ColumnConfig}, {@code ColumnJson}, {@code ColumnBinding}); {@code ColumnBuilder} turns records into columns
 * and {@code ColumnWriter} columns into records. Experiment configs, saved models and served bundles keep their columns
 * this way. The package depends on {@code org.estimator4j.features}, {@code api.table} and Jackson; {@code estimators}
 * and {@code cli} use it.
 */
package org.estimator4j.features.json;
