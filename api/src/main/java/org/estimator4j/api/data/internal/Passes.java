package org.estimator4j.api.data.internal;

import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.estimator4j.api.data.AbstractDatasetIterator;
import org.estimator4j.api.data.Batcher;
import org.estimator4j.api.data.DatasetIterator;

/**
 * The element-at-a-time operations: each is a small pass over an upstream pass, running on the consumer's thread.
 * The ones with threads or buffers of their own have files of their own.
 */
public final class Passes {
    private Passes() {}

    /** Closes an iterator if it holds resources (inner datasets of flatMap and interleave may). */
    public static void closeQuietly(Iterator<?> it) {
        if (it instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Closing is best effort: the pass is over either way.
            }
        }
    }

    public static <T> DatasetIterator<T> of(Iterable<T> source) {
        Iterator<T> it = source.iterator();
        return new AbstractDatasetIterator<>() {
            @Override
            protected T computeNext() {
                return it.hasNext() ? it.next() : endOfData();
            }

            @Override
            protected void release() {
                closeQuietly(it);
            }
        };
    }

    public static <T, U> DatasetIterator<U> map(DatasetIterator<T> up, Function<? super T, ? extends U> f) {
        return new Upstream<T, U>(up) {
            @Override
            protected U computeNext() {
                return up.hasNext() ? f.apply(up.next()) : endOfData();
            }
        };
    }

    public static <T> DatasetIterator<T> filter(DatasetIterator<T> up, Predicate<? super T> keep) {
        return new Upstream<T, T>(up) {
            @Override
            protected T computeNext() {
                while (up.hasNext()) {
                    T t = up.next();
                    if (keep.test(t)) {
                        return t;
                    }
                }
                return endOfData();
            }
        };
    }

    public static <T, U> DatasetIterator<U> flatMap(
            DatasetIterator<T> up, Function<? super T, ? extends Iterable<? extends U>> f) {
        return new Upstream<T, U>(up) {
            private Iterator<? extends U> inner;

            @Override
            protected U computeNext() {
                while (inner == null || !inner.hasNext()) {
                    if (inner != null) {
                        closeQuietly(inner);
                        inner = null;
                    }
                    if (!up.hasNext()) {
                        return endOfData();
                    }
                    inner = f.apply(up.next()).iterator();
                }
                return inner.next();
            }

            @Override
            protected void release() {
                if (inner != null) {
                    closeQuietly(inner);
                }
                super.release();
            }
        };
    }

    public static <T, B> DatasetIterator<B> batch(
            DatasetIterator<T> up, int size, boolean dropRemainder, Batcher<? super T, ? extends B> batcher) {
        return new Upstream<T, B>(up) {
            @Override
            protected B computeNext() {
                // Grown as rows arrive: a batch size of 2^31-1 must not reserve 2^31-1 slots up front.
                List<T> elements = new java.util.ArrayList<>(Math.min(size, 1 << 12));
                while (elements.size() < size && up.hasNext()) {
                    elements.add(up.next());
                }
                if (elements.isEmpty() || (dropRemainder && elements.size() < size)) {
                    return endOfData();
                }
                @SuppressWarnings("unchecked")
                Batcher<T, ? extends B> b = (Batcher<T, ? extends B>) batcher;
                return b.batch(java.util.Collections.unmodifiableList(elements));
            }
        };
    }

    public static <T> DatasetIterator<T> take(DatasetIterator<T> up, long count) {
        return new Upstream<T, T>(up) {
            private long taken;

            @Override
            protected T computeNext() {
                if (taken >= count || !up.hasNext()) {
                    return endOfData();
                }
                taken++;
                return up.next();
            }
        };
    }

    public static <T> DatasetIterator<T> skip(DatasetIterator<T> up, long count) {
        return new Upstream<T, T>(up) {
            private boolean skipped;

            @Override
            protected T computeNext() {
                if (!skipped) {
                    skipped = true;
                    for (long i = 0; i < count && up.hasNext(); i++) {
                        up.next();
                    }
                }
                return up.hasNext() ? up.next() : endOfData();
            }
        };
    }

    public static <T> DatasetIterator<T> shard(DatasetIterator<T> up, int numShards, int index) {
        return new Upstream<T, T>(up) {
            private long position;

            @Override
            protected T computeNext() {
                while (up.hasNext()) {
                    T t = up.next();
                    if (position++ % numShards == index) {
                        return t;
                    }
                }
                return endOfData();
            }
        };
    }

    /** Runs {@code passes} one after another: concatenate and repeat. */
    public static <T> DatasetIterator<T> sequence(
            Iterator<? extends java.util.function.Supplier<DatasetIterator<T>>> passes, boolean stopAfterEmptyPass) {
        return new AbstractDatasetIterator<>() {
            private DatasetIterator<T> current;
            private boolean currentYielded;

            @Override
            protected T computeNext() {
                while (true) {
                    if (current != null && current.hasNext()) {
                        currentYielded = true;
                        return current.next();
                    }
                    if (current != null) {
                        current.close();
                        // An endless repeat of an empty dataset would spin forever; end instead.
                        if (stopAfterEmptyPass && !currentYielded) {
                            current = null;
                            return endOfData();
                        }
                        current = null;
                    }
                    if (!passes.hasNext()) {
                        return endOfData();
                    }
                    current = passes.next().get();
                    currentYielded = false;
                }
            }

            @Override
            protected void release() {
                if (current != null) {
                    current.close();
                }
            }
        };
    }

    public static <A, B, C> DatasetIterator<C> zip(
            DatasetIterator<A> a,
            DatasetIterator<B> b,
            java.util.function.BiFunction<? super A, ? super B, ? extends C> f) {
        return new AbstractDatasetIterator<>() {
            @Override
            protected C computeNext() {
                return a.hasNext() && b.hasNext() ? f.apply(a.next(), b.next()) : endOfData();
            }

            @Override
            protected void release() {
                try {
                    a.close();
                } finally {
                    b.close();
                }
            }
        };
    }

    /** A pass that owns one upstream pass and closes it with itself. */
    abstract static class Upstream<T, U> extends AbstractDatasetIterator<U> {
        final DatasetIterator<T> up;

        Upstream(DatasetIterator<T> up) {
            this.up = up;
        }

        @Override
        protected void release() {
            up.close();
        }
    }
}
