package org.estimator4j.api.data.internal;

import java.lang.ref.Cleaner;

/**
 * Releases what a pass holds when the pass is dropped without being closed, e.g. by a for-each loop left with
 * {@code break}: its background thread stops and its file closes once the garbage collector finds the iterator
 * unreachable. Closing is still the way to release them promptly; this only keeps a forgotten pass from leaking.
 */
public final class AbandonedPasses {
    private static final Cleaner CLEANER = Cleaner.create(new DaemonThreads("cleaner"));

    private AbandonedPasses() {}

    /** Runs {@code release} once {@code pass} is unreachable; {@code release} must not refer to {@code pass}. */
    public static Cleaner.Cleanable register(Object pass, Runnable release) {
        return CLEANER.register(pass, release);
    }
}
