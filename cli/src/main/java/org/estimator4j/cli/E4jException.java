package org.estimator4j.cli;

import org.estimator4j.api.Estimator4jException;

/**
 * A failure a command can explain to the user: what went wrong ({@link #problem()}) and what to do about it
 * ({@link #hint()}). {@link OneLineErrorHandler} prints both on one line and exits 1.
 */
public class E4jException extends Estimator4jException {

    private static final long serialVersionUID = 1L;

    /** {@code hint}: what the user should do next, e.g. "check the --data path"; null when there is nothing to add. */
    public E4jException(String message, String hint) {
        super(message, hint);
    }

    public E4jException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
