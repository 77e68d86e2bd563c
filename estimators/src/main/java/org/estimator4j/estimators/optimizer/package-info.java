/**
 * The gradient-descent rules the premade models train with, with Keras' update formulas and defaults: the
 * {@link Optimizer} interface for dense variables and embedding rows, implemented by {@link SgdOptimizer},
 * {@link AdagradOptimizer}, {@link AdamOptimizer} and {@link RmsPropOptimizer}, and {@link FtrlOptimizer}, TensorFlow's
 * FTRL-Proximal for the linear and baseline models. {@link Optimizers} builds one from its config keys ({@code type},
 * {@code learning_rate}, ...). Every class loops over primitive arrays the caller owns and depends on the JDK alone.
 * The premade models and {@code serving} use this package; outside this module only the CLI and the benchmarks do.
 */
package org.estimator4j.estimators.optimizer;
