package org.estimator4j.api.data;

import static org.estimator4j.api.data.TestSources.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.estimator4j.api.data.TestSources.Recording;
import org.estimator4j.api.data.internal.ParallelMapPass;
import org.junit.jupiter.api.Test;

class ParallelMapTest {

    /** A failure type of the test's own, to check the consumer sees exactly what the function threw. */
    static final class CustomFailure extends IllegalStateException {
        CustomFailure(String message) {
            super(message);
        }
    }

    @Test
    void parallelMapKeepsTheInputOrder() {
        assertEquals(
                Dataset.range(1000).map(x -> x * x).toList(),
                Dataset.range(1000).map(x -> x * x, 4).toList());
    }

    @Test
    void parallelMapReordersResultsThatFinishOutOfOrder() throws InterruptedException {
        CountDownLatch secondDone = new CountDownLatch(1);
        ConcurrentLinkedQueue<Long> finished = new ConcurrentLinkedQueue<>();
        Function<Long, Long> f = x -> {
            if (x == 0) {
                try {
                    // The first element waits for the second to finish, so the results complete out of order.
                    if (!secondDone.await(10, TimeUnit.SECONDS)) {
                        throw new AssertionError("element 1 never ran while element 0 was running");
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            finished.add(x);
            if (x == 1) {
                secondDone.countDown();
            }
            return x * 10;
        };
        assertEquals(
                List.of(0L, 10L, 20L, 30L, 40L, 50L), Dataset.range(6).map(f, 2).toList());
        assertEquals(1L, finished.peek(), "element 1 should have finished first");
    }

    @Test
    void parallelMapRunsOnSeveralNamedWorkerThreads() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch twoRunning = new CountDownLatch(2);
        List<Long> out = Dataset.range(20)
                .map(
                        x -> {
                            threads.add(Thread.currentThread().getName());
                            twoRunning.countDown();
                            try {
                                // Only returns early once two calls run at the same time.
                                twoRunning.await(10, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                throw new AssertionError(e);
                            }
                            return x + 1;
                        },
                        4)
                .toList();
        assertEquals(Dataset.range(1, 21).toList(), out);
        assertTrue(threads.size() >= 2, "ran on " + threads);
        String consumer = Thread.currentThread().getName();
        assertFalse(threads.contains(consumer), "f ran on the consumer thread");
        assertTrue(threads.stream().allMatch(n -> n.startsWith("e4j-map-")), threads.toString());
    }

    @Test
    void aFailureInTheFunctionReachesTheConsumerInOrderAsTheOriginalException() {
        CustomFailure failure = new CustomFailure("bad element 5");
        Dataset<Long> ds = Dataset.range(10)
                .map(
                        x -> {
                            if (x == 5) {
                                throw failure;
                            }
                            return x * 2;
                        },
                        3);
        List<Long> seen = new ArrayList<>();
        DatasetIterator<Long> it = ds.iterator();
        CustomFailure thrown = assertThrows(CustomFailure.class, () -> it.forEachRemaining(seen::add));
        assertSame(failure, thrown);
        assertEquals("bad element 5", thrown.getMessage());
        assertEquals(List.of(0L, 2L, 4L, 6L, 8L), seen);
        assertFalse(it.hasNext(), "the pass ends after the failure");
    }

    @Test
    void aFailureUpstreamComesAfterTheElementsBeforeIt() {
        CustomFailure failure = new CustomFailure("upstream broke after 5 rows");
        Recording<Long> src = Recording.failingAfter(longs(5), failure);
        List<Long> seen = new ArrayList<>();
        DatasetIterator<Long> it = src.map(x -> x * 10, 3).iterator();
        CustomFailure thrown = assertThrows(CustomFailure.class, () -> it.forEachRemaining(seen::add));
        assertSame(failure, thrown);
        assertEquals(List.of(0L, 10L, 20L, 30L, 40L), seen, "results computed before the failure were lost");
        assertFalse(it.hasNext());
        assertEquals(0, src.openPasses());
    }

    @Test
    void closingMidIterationTerminatesThePoolAndClosesUpstream() {
        Recording<Long> src = Recording.endless();
        ParallelMapPass<Long, Long> pass = new ParallelMapPass<>(src.iterator(), x -> x + 1, 4);
        for (long i = 0; i < 10; i++) {
            assertEquals(i + 1, pass.next());
        }
        assertFalse(pass.terminated());
        pass.close();
        assertTrue(pass.terminated());
        assertEquals(0, src.openPasses());
        assertFalse(pass.hasNext());
    }

    @Test
    void aFailureTerminatesThePool() {
        ParallelMapPass<Long, Long> pass = new ParallelMapPass<>(
                Dataset.range(10).iterator(),
                x -> {
                    if (x == 2) {
                        throw new CustomFailure("no");
                    }
                    return x;
                },
                2);
        assertEquals(0L, pass.next());
        assertEquals(1L, pass.next());
        assertThrows(CustomFailure.class, pass::hasNext);
        assertTrue(pass.terminated());
    }

    @Test
    void exhaustionTerminatesThePool() {
        ParallelMapPass<Long, Long> pass =
                new ParallelMapPass<>(Dataset.range(5).iterator(), x -> x, 2);
        int n = 0;
        while (pass.hasNext()) {
            pass.next();
            n++;
        }
        assertEquals(5, n);
        assertTrue(pass.terminated());
    }

    @Test
    void closingTheDatasetMidIterationStopsItsWorkers() throws InterruptedException {
        Set<Thread> before = TestSources.liveThreads("e4j-map-");
        Recording<Long> src = Recording.endless();
        Dataset<Long> ds = src.map(x -> x, 3);
        DatasetIterator<Long> it = ds.iterator();
        for (int i = 0; i < 50; i++) {
            it.next();
        }
        Set<Thread> workers = TestSources.startedSince(before, "e4j-map-");
        assertFalse(workers.isEmpty());
        ds.close();
        assertTrue(TestSources.awaitDeath(workers, TestSources.THREAD_EXIT), "workers still alive: " + workers);
        assertEquals(0, src.openPasses());
        assertFalse(it.hasNext());
    }

    @Test
    void oneThreadIsAPlainMapAndZeroIsRejected() {
        assertEquals(List.of(1L, 2L), Dataset.range(2).map(x -> x + 1, 1).toList());
        assertThrows(IllegalArgumentException.class, () -> Dataset.range(2).map(x -> x, 0));
    }
}
