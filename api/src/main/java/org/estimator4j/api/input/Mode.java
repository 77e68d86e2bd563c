package org.estimator4j.api.input;

/** Why an estimator asks for input, as in {@code tf.estimator.ModeKeys}. */
public enum Mode {
    TRAIN,
    EVAL,
    PREDICT
}
