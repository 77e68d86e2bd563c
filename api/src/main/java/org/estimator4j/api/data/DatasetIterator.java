package org.estimator4j.api.data;

import java.util.Iterator;

/**
 * One pass over a {@link Dataset}. Closing it releases what the pass holds (open files, background threads); a pass
 * that runs to its end releases them by itself, so a plain for-each loop leaks nothing.
 *
 * @since 0.1.0
 */
public interface DatasetIterator<T> extends Iterator<T>, AutoCloseable {
    /** Stops the pass and releases its resources. Idempotent; afterwards {@link #hasNext()} is false. */
    @Override
    void close();
}
