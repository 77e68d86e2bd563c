package org.estimator4j.cli;

/**
 * A failure a command can explain to the user: what went wrong ({@link #getMessage()}) and what to do
 * about it ({@link #hint()}). {@link OneLineErrorHandler} prints both on one line and exits 1.
 */
public class E4jException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String hint;

    public E4jException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public E4jException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** What the user should do next, e.g. "check the --data path". */
    public String hint() {
        return hint;
    }
}
