package org.estimator4j.store;

import org.estimator4j.api.Estimator4jException;

/**
 * A store that cannot be opened or used, with a message that says what to do: a schema newer than this version of
 * Estimator4J, a database that cannot be reached, a run that does not exist.
 */
public class StoreException extends Estimator4jException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String problem, String hint) {
        super(problem, hint);
    }

    public StoreException(String problem, String hint, Throwable cause) {
        super(problem, hint, cause);
    }
}
