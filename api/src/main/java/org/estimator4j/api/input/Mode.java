package org.estimator4j.api.input;

/**
 * Why an estimator asks for input, as in {@code tf.estimator.ModeKeys}.
 *
 * @since 0.1.0
 */
public enum Mode {
    TRAIN,
    EVAL,
    PREDICT
}
