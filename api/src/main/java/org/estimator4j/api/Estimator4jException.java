package org.estimator4j.api;

import java.util.Optional;

/**
 * The base of Estimator4J's own exceptions: what went wrong ({@link #problem()}: naming the file and line, the config
 * path or the column) and, where there is one, what to do next ({@link #hint()}). {@link #getMessage()} joins them as
 * {@code "<problem>; <hint>"}, so a log line or a stored failure reads as one sentence, while a command line prints
 * the two parts from these fields instead of cutting the message apart.
 *
 * @since 0.1.0
 */
public class Estimator4jException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String hint;

    /** A problem without a hint: its message says all there is to say. */
    public Estimator4jException(String problem) {
        this(problem, null, null);
    }

    public Estimator4jException(String problem, Throwable cause) {
        this(problem, null, cause);
    }

    /** {@code hint} may be null or blank: then there is none. */
    public Estimator4jException(String problem, String hint) {
        this(problem, hint, null);
    }

    public Estimator4jException(String problem, String hint, Throwable cause) {
        super(hint == null || hint.isBlank() ? problem : problem + "; " + hint, cause);
        this.problem = problem;
        this.hint = hint == null || hint.isBlank() ? null : hint;
    }

    /** What went wrong, and where, without the hint. */
    public String problem() {
        return problem;
    }

    /** What the user should do next (e.g. "check the --store path"), when the thrower knows. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
