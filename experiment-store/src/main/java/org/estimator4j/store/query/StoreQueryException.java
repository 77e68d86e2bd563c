package org.estimator4j.store.query;

/**
 * The store could not be read or written: it is unreachable, locked, or not an experiment store. Never caused by a
 * filter: a filter that parses always runs.
 */
public final class StoreQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
