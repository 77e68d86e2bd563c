package org.estimator4j.api.data;

import org.estimator4j.api.Estimator4jException;

/**
 * A dataset pass failed for a reason other than bad input data (I/O, a cache file, a thread that died).
 *
 * @since 0.1.0
 */
public class DatasetException extends Estimator4jException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
