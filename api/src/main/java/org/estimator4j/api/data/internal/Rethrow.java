package org.estimator4j.api.data.internal;

import org.estimator4j.api.data.DatasetException;

/** Hands a failure from a background thread to the consumer with its original type and cause. */
final class Rethrow {
    private Rethrow() {}

    static RuntimeException onConsumerThread(Throwable failure, String where) {
        // The original exception keeps its type (so callers can catch DataFormatException) and its own stack; the
        // suppressed one records where the consumer was when it surfaced.
        failure.addSuppressed(new DatasetException("rethrown on the consumer thread by " + where));
        if (failure instanceof RuntimeException r) {
            return r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new DatasetException(where + " failed: " + failure, failure);
    }
}
