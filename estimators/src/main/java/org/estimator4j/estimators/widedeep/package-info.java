/**
 * TensorFlow's wide-and-deep estimators: {@link DNNLinearCombinedClassifier} and {@link DNNLinearCombinedRegressor}, a
 * linear model over the wide columns plus a DNN over the deep ones, their logits summed under one head.
 * {@link WideDeepPart} implements the estimators' {@code Model} with either part optional, each part taking its own
 * optimizer step, and {@link WideDeepBuilder} holds the options both builders share. The package builds on
 * {@code linear} and {@code dnn}, on {@code org.estimator4j.estimators}, {@code head} and {@code optimizer}, and on the
 * api and feature-columns modules. {@code serving} rebuilds these models from bundles; outside this module only the CLI
 * and the benchmarks use it.
 */
package org.estimator4j.estimators.widedeep;
