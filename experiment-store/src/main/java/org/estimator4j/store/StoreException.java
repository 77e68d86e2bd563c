package org.estimator4j.store;

/**
 * A store that cannot be opened or used, with a message that says what to do: a schema newer than this version of
 * Estimator4J, a database that cannot be reached, a run that does not exist.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
