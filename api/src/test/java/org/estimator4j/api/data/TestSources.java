package org.estimator4j.api.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** Sources and thread probes shared by the dataset tests. */
final class TestSources {
    private TestSources() {}

    /** 0, 1, ..., n - 1 as a list, to compare passes with. */
    static List<Long> longs(long n) {
        return LongStream.range(0, n).boxed().toList();
    }

    static <T extends Comparable<T>> List<T> sorted(List<T> xs) {
        List<T> copy = new ArrayList<>(xs);
        copy.sort(null);
        return copy;
    }

    /**
     * A source dataset that counts the passes it opens and closes and the elements it hands out, and whose
     * {@link #fingerprint()} the test controls (standing in for a source file's stamp).
     */
    static final class Recording<T> extends Dataset<T> {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicLong produced = new AtomicLong();
        private final Supplier<? extends Iterator<T>> elements;
        private volatile String fingerprint;

        Recording(String fingerprint, Supplier<? extends Iterator<T>> elements) {
            super("recording", List.of());
            this.fingerprint = fingerprint;
            this.elements = elements;
        }

        static <T> Recording<T> of(List<T> elements) {
            return new Recording<>("recording", elements::iterator);
        }

        /** 0, 1, 2, ... for ever. */
        static Recording<Long> endless() {
            return new Recording<>(
                    "endless", () -> LongStream.iterate(0, i -> i + 1).iterator());
        }

        /** The elements, then {@code failure} thrown from the pass. */
        static <T> Recording<T> failingAfter(List<T> elements, RuntimeException failure) {
            return new Recording<>("failing", () -> new Iterator<T>() {
                private int next;

                @Override
                public boolean hasNext() {
                    if (next == elements.size()) {
                        throw failure;
                    }
                    return true;
                }

                @Override
                public T next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return elements.get(next++);
                }
            });
        }

        @Override
        protected DatasetIterator<T> openPass() {
            opened.incrementAndGet();
            Iterator<T> it = elements.get();
            return new AbstractDatasetIterator<>() {
                @Override
                protected T computeNext() {
                    if (!it.hasNext()) {
                        return endOfData();
                    }
                    produced.incrementAndGet();
                    return it.next();
                }

                @Override
                protected void release() {
                    closed.incrementAndGet();
                }
            };
        }

        @Override
        public String fingerprint() {
            return fingerprint;
        }

        void setFingerprint(String fingerprint) {
            this.fingerprint = fingerprint;
        }

        /** Passes opened and not yet closed. */
        int openPasses() {
            return opened.get() - closed.get();
        }
    }

    /** Live threads whose name starts with {@code prefix}. */
    static Set<Thread> liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
                .collect(Collectors.toSet());
    }

    /** Waits, at most {@code max} in all, for the threads to end; true if they all did. */
    static boolean awaitDeath(Set<Thread> threads, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        for (Thread t : threads) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            t.join(left);
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    /** Threads named {@code prefix...} started since {@code before} was taken. */
    static Set<Thread> startedSince(Set<Thread> before, String prefix) {
        Set<Thread> now = liveThreads(prefix);
        now.removeAll(before);
        return now;
    }

    static final Duration THREAD_EXIT = Duration.ofSeconds(10);
}
