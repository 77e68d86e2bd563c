package org.estimator4j.api.data.internal;

import java.lang.ref.Cleaner;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.estimator4j.api.data.AbstractDatasetIterator;
import org.estimator4j.api.data.DatasetException;
import org.estimator4j.api.data.DatasetIterator;

/**
 * Runs the upstream pass on a background thread, up to {@code bufferSize} elements ahead of the consumer, so reading
 * and parsing overlap with training. A failure upstream reaches the consumer as the original exception, in order,
 * after the elements produced before it. Closing stops the thread and closes the upstream pass on that thread.
 */
public final class PrefetchPass<T> extends AbstractDatasetIterator<T> {
    private static final Object END = new Object();
    private static final long JOIN_MILLIS = 30_000;
    private static final int EAGER_CAPACITY_LIMIT = 1 << 16;

    private record Failure(Throwable cause) {}

    private final BlockingQueue<Object> queue;
    private final Producer<T> producer;
    private final Thread thread;
    private final Cleaner.Cleanable cleanable;

    public PrefetchPass(Supplier<DatasetIterator<T>> upstream, int bufferSize) {
        // One slot more for the end marker. An array queue allocates its capacity up front, so very large buffers get
        // a linked one, which allocates as it fills (bufferSize + 1 would overflow at Integer.MAX_VALUE).
        this.queue = bufferSize <= EAGER_CAPACITY_LIMIT
                ? new ArrayBlockingQueue<>(bufferSize + 1)
                : new LinkedBlockingQueue<>(bufferSize == Integer.MAX_VALUE ? bufferSize : bufferSize + 1);
        this.producer = new Producer<>(upstream, queue);
        this.thread = new DaemonThreads("prefetch").newThread(producer);
        // The producer must not refer to this pass, or a dropped pass would never become unreachable.
        this.cleanable = AbandonedPasses.register(this, producer::stop);
        thread.start();
    }

    /** The background side: reads upstream into the queue until the end, a failure, or stop(). */
    private static final class Producer<T> implements Runnable {
        private final Supplier<DatasetIterator<T>> upstream;
        private final BlockingQueue<Object> queue;
        private volatile boolean stopped;

        Producer(Supplier<DatasetIterator<T>> upstream, BlockingQueue<Object> queue) {
            this.upstream = upstream;
            this.queue = queue;
        }

        @Override
        public void run() {
            DatasetIterator<T> up = null;
            try {
                up = upstream.get();
                while (!stopped && up.hasNext()) {
                    if (!put(up.next())) {
                        return;
                    }
                }
                put(END);
            } catch (Throwable t) {
                put(new Failure(t));
            } finally {
                if (up != null) {
                    up.close();
                }
            }
        }

        // Polls instead of being interrupted: an interrupt would close the upstream's file channels under it.
        private boolean put(Object item) {
            try {
                while (!stopped) {
                    if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        void stop() {
            stopped = true;
            queue.clear();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected T computeNext() {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException("interrupted while waiting for prefetched elements", e);
        }
        if (item == END) {
            return endOfData();
        }
        if (item instanceof Failure f) {
            throw Rethrow.onConsumerThread(f.cause(), "prefetch");
        }
        return (T) item;
    }

    @Override
    protected void release() {
        cleanable.clean();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True while the background thread runs: for tests that check closing stops it. */
    public boolean producerAlive() {
        return thread.isAlive();
    }
}
