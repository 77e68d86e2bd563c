package org.estimator4j.api.data;

import java.util.NoSuchElementException;

/**
 * Base for pass implementations: subclasses compute the next element or say the pass has ended, and release their
 * resources in one place. Elements are never null.
 *
 * @since 0.1.0
 */
public abstract class AbstractDatasetIterator<T> implements DatasetIterator<T> {
    private static final int NOT_READY = 0;
    private static final int READY = 1;
    private static final int DONE = 2;

    private int state = NOT_READY;
    private T next;
    private boolean released;

    /** The next element, or {@link #endOfData()} when the pass is over. */
    protected abstract T computeNext();

    /** Frees files, threads and upstream passes. Called once, on close or when the pass ends. */
    protected void release() {}

    protected final T endOfData() {
        state = DONE;
        return null;
    }

    @Override
    public final boolean hasNext() {
        if (state == READY) {
            return true;
        }
        if (state == DONE) {
            return false;
        }
        T value;
        try {
            value = computeNext();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        if (state == DONE) {
            close();
            return false;
        }
        if (value == null) {
            close();
            throw new NullPointerException(getClass().getSimpleName() + " produced a null element; datasets hold "
                    + "no nulls (use a missing value in an Example instead)");
        }
        next = value;
        state = READY;
        return true;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the pass has ended");
        }
        T value = next;
        next = null;
        state = NOT_READY;
        return value;
    }

    @Override
    public final void close() {
        state = DONE;
        next = null;
        if (!released) {
            released = true;
            release();
        }
    }
}
