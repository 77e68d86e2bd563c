package org.estimator4j.cli.doctor;

/** One thing {@code e4j doctor} verifies about the runtime a training run needs. */
public interface Check {

    /** Short label printed in the report, e.g. "Java version". */
    String name();

    /** Runs the check. May throw; the doctor then reports FAIL with the exception's message. */
    CheckResult run();
}
