/**
 * {@code e4j quickstart}: {@link QuickstartCommand} runs the whole loop on a generated census-like data set (the
 * package-private {@code CensusLikeData}, synthetic and seeded): a baseline, a linear model with crossed columns, a
 * wide-and-deep model, evaluation, export, and a prediction from the exported bundle. It needs no data or config of the
 * user's, and ends with what to try next. The package depends on the api and feature-columns modules and on the
 * estimators module ({@code ModelEstimator} and the {@code baseline}, {@code linear}, {@code widedeep},
 * {@code optimizer} and {@code serving} packages); only the root command refers to it.
 */
package org.estimator4j.cli.quickstart;
