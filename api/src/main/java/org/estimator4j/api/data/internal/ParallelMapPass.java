package org.estimator4j.api.data.internal;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.estimator4j.api.data.AbstractDatasetIterator;
import org.estimator4j.api.data.DatasetException;
import org.estimator4j.api.data.DatasetIterator;

/**
 * Applies a function on {@code threads} worker threads and yields the results in input order. Upstream is read on the
 * consumer's thread; at most {@code 2 * threads} results are in flight, so memory stays bounded. A failing call, or a
 * failure reading upstream, surfaces in order (after the results of the elements before it) as its original exception.
 */
public final class ParallelMapPass<T, U> extends AbstractDatasetIterator<U> {
    private final DatasetIterator<T> up;
    private final Function<? super T, ? extends U> f;
    private final ExecutorService pool;
    private final ArrayDeque<Future<? extends U>> inFlight = new ArrayDeque<>();
    private final int window;
    private Throwable upstreamFailure;
    private final java.lang.ref.Cleaner.Cleanable cleanable;

    public ParallelMapPass(DatasetIterator<T> up, Function<? super T, ? extends U> f, int threads) {
        this.up = up;
        this.f = f;
        this.pool = Executors.newFixedThreadPool(threads, new DaemonThreads("map"));
        // Idle workers exit once a dropped pass is collected; the pool does not refer to this pass.
        this.cleanable = AbandonedPasses.register(this, pool::shutdown);
        this.window = 2 * threads;
    }

    @Override
    protected U computeNext() {
        while (upstreamFailure == null && inFlight.size() < window) {
            T input;
            try {
                if (!up.hasNext()) {
                    break;
                }
                input = up.next();
            } catch (RuntimeException | Error e) {
                // Surfaces after the results of the elements read before it, as it would without threads.
                upstreamFailure = e;
                break;
            }
            Function<? super T, ? extends U> fn = f; // not this.f: a queued task must not keep the pass reachable
            inFlight.addLast(pool.submit(() -> fn.apply(input)));
        }
        Future<? extends U> head = inFlight.pollFirst();
        if (head == null) {
            if (upstreamFailure instanceof Error e) {
                throw e;
            }
            if (upstreamFailure != null) {
                throw (RuntimeException) upstreamFailure;
            }
            return endOfData();
        }
        try {
            return head.get();
        } catch (ExecutionException e) {
            throw Rethrow.onConsumerThread(e.getCause(), "parallel map");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException("interrupted while waiting for a parallel map result", e);
        }
    }

    @Override
    protected void release() {
        for (Future<? extends U> future : inFlight) {
            future.cancel(false);
        }
        inFlight.clear();
        cleanable.clean();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            up.close();
        }
    }

    /** True once every worker has stopped: for tests that check closing releases the threads. */
    public boolean terminated() {
        return pool.isTerminated();
    }
}
