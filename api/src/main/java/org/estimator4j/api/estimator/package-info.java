/**
 * The user-facing model contract, modelled on {@code tf.estimator}: {@link Estimator} (train, evaluate, predict,
 * export), {@link RunConfig} (model directory, seed, checkpoints, logging), {@link Steps} (how long {@code train}
 * runs), and the results {@link EvalResult} and {@link Prediction}. The implementations (the linear, DNN, wide-and-deep
 * and baseline models) live in the {@code estimators} module, which depends on this package, as {@code cli} does. This
 * package depends only on {@code api.input} and the SPI's {@code org.estimator4j.spi.callback}, never on an
 * implementation.
 */
package org.estimator4j.api.estimator;
