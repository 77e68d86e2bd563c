package org.estimator4j.cli.doctor;

/** The verdict of one doctor check. Any {@link #FAIL} makes {@code e4j doctor} exit 1. */
public enum Status {
    /** The runtime is as a training run needs it. */
    OK,
    /** Training will run, but slower or less safely than it could; the detail says what to change. */
    WARN,
    /** Training will not run. */
    FAIL
}
