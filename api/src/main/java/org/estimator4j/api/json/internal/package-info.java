/**
 * The JSON Lines reader behind {@code Dataset.fromJsonLines}: {@code JsonLinesDataset} reads newline-delimited JSON
 * files with Jackson into {@code Example} rows, skipping blank lines and naming the file and line of a bad one. As an
 * {@code internal} package it is an implementation detail of the {@code api} module, not for users or plugins, and it
 * may change without notice; code outside {@code api} uses {@link org.estimator4j.api.json.JsonLinesOptions} and
 * {@link org.estimator4j.api.data.Dataset} instead. It depends on {@code api.json}, {@code api.csv}, {@code api.data},
 * {@code api.data.internal}, {@code api.table}, {@code api.internal} and Jackson.
 */
package org.estimator4j.api.json.internal;
