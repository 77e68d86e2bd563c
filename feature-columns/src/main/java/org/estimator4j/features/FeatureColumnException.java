package org.estimator4j.features;

import org.estimator4j.api.Estimator4jException;

/** A feature column cannot be built or cannot read its input; the message names the column and what to fix. */
public class FeatureColumnException extends Estimator4jException {
    public FeatureColumnException(String message) {
        super(message);
    }

    public FeatureColumnException(String message, Throwable cause) {
        super(message, cause);
    }
}
