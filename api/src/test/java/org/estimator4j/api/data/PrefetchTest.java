package org.estimator4j.api.data;

import static org.estimator4j.api.data.TestSources.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.estimator4j.api.data.TestSources.Recording;
import org.estimator4j.api.data.internal.PrefetchPass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrefetchTest {
    private static final String PREFIX = "e4j-prefetch-";

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 16, 10_000})
    void prefetchYieldsTheSameElementsInOrder(int bufferSize) {
        assertEquals(longs(5000), Dataset.range(5000).prefetch(bufferSize).toList());
    }

    @Test
    void prefetchOfAnEmptyDatasetIsEmpty() {
        assertEquals(List.of(), Dataset.<Long>of().prefetch(2).toList());
    }

    @Test
    void eachPrefetchPassRereadsTheSource() {
        Recording<Long> src = Recording.of(longs(10));
        Dataset<Long> ds = src.prefetch(3);
        assertEquals(longs(10), ds.toList());
        assertEquals(longs(10), ds.toList());
        assertEquals(2, src.opened.get());
    }

    @Test
    void anUpstreamFailureReachesTheConsumerAsTheOriginalExceptionAfterEarlierElements() {
        IOException cause = new IOException("disk on fire");
        UncheckedIOException failure = new UncheckedIOException("cannot read part-3.csv", cause);
        Recording<Long> src = Recording.failingAfter(longs(7), failure);
        List<Long> seen = new ArrayList<>();
        DatasetIterator<Long> it = src.prefetch(2).iterator();
        UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () -> it.forEachRemaining(seen::add));
        assertSame(failure, thrown);
        assertEquals("cannot read part-3.csv", thrown.getMessage());
        assertSame(cause, thrown.getCause());
        assertEquals(longs(7), seen);
        assertFalse(it.hasNext());
        assertEquals(0, src.openPasses(), "the upstream pass must be closed after a failure");
    }

    @Test
    void aFailureInAMapBeforePrefetchKeepsItsType() {
        Dataset<Long> ds = Dataset.range(10)
                .map(x -> {
                    if (x == 3) {
                        throw new ParallelMapTest.CustomFailure("three");
                    }
                    return x;
                })
                .prefetch(4);
        List<Long> seen = new ArrayList<>();
        ParallelMapTest.CustomFailure e = assertThrows(
                ParallelMapTest.CustomFailure.class, () -> ds.iterator().forEachRemaining(seen::add));
        assertEquals("three", e.getMessage());
        assertEquals(List.of(0L, 1L, 2L), seen);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void aCheckedExceptionUpstreamArrivesWrappedWithItAsTheCause() {
        IOException io = new IOException("checked");
        Dataset<Long> ds = Dataset.range(5)
                .map(x -> {
                    if (x == 2) {
                        throw sneaky(io);
                    }
                    return x;
                })
                .prefetch(2);
        DatasetException e = assertThrows(DatasetException.class, ds::toList);
        assertSame(io, e.getCause());
    }

    @Test
    void anErrorUpstreamArrivesAsItself() {
        AssertionError error = new AssertionError("invariant broken");
        Dataset<Long> ds = Dataset.range(5)
                .map(x -> {
                    if (x == 1) {
                        throw error;
                    }
                    return x;
                })
                .prefetch(2);
        assertSame(error, assertThrows(AssertionError.class, ds::toList));
    }

    @Test
    void closingThePassMidIterationStopsTheProducerAndClosesUpstream() throws InterruptedException {
        Set<Thread> before = TestSources.liveThreads(PREFIX);
        Recording<Long> src = Recording.endless();
        DatasetIterator<Long> it = src.prefetch(4).iterator();
        for (long i = 0; i < 100; i++) {
            assertEquals(i, it.next());
        }
        Set<Thread> producers = TestSources.startedSince(before, PREFIX);
        assertEquals(1, producers.size(), producers.toString());
        it.close();
        assertTrue(TestSources.awaitDeath(producers, TestSources.THREAD_EXIT), "producer still alive");
        assertEquals(1, src.opened.get());
        assertEquals(0, src.openPasses(), "the upstream pass was not closed");
        assertFalse(it.hasNext());
    }

    @Test
    void closingTheDatasetMidIterationStopsTheProducerAndClosesUpstream() throws InterruptedException {
        Set<Thread> before = TestSources.liveThreads(PREFIX);
        Recording<Long> src = Recording.endless();
        Dataset<Long> ds = src.map(x -> x + 1).prefetch(2);
        DatasetIterator<Long> first = ds.iterator();
        DatasetIterator<Long> second = ds.iterator();
        assertEquals(1L, first.next());
        assertEquals(1L, second.next());
        assertEquals(2L, second.next());
        Set<Thread> producers = TestSources.startedSince(before, PREFIX);
        assertEquals(2, producers.size(), producers.toString());
        ds.close();
        assertTrue(TestSources.awaitDeath(producers, TestSources.THREAD_EXIT), "producers still alive");
        assertEquals(2, src.opened.get());
        assertEquals(0, src.openPasses());
        assertFalse(first.hasNext());
        assertFalse(second.hasNext());
    }

    @Test
    void closingStopsAProducerBlockedOnAFullBuffer() {
        PrefetchPass<Long> pass = new PrefetchPass<>(Recording.endless()::iterator, 1);
        assertEquals(0L, pass.next());
        assertTrue(pass.producerAlive());
        pass.close();
        assertFalse(pass.producerAlive());
    }

    @Test
    void closingBeforeTheFirstElementStopsTheProducer() {
        Recording<Long> src = Recording.endless();
        PrefetchPass<Long> pass = new PrefetchPass<>(src::iterator, 3);
        pass.close();
        assertFalse(pass.producerAlive());
        assertEquals(0, src.openPasses());
    }

    @Test
    void reachingTheEndStopsTheProducerAndClosesUpstream() throws InterruptedException {
        Recording<Long> src = Recording.of(longs(10));
        PrefetchPass<Long> pass = new PrefetchPass<>(src::iterator, 3);
        int n = 0;
        while (pass.hasNext()) {
            pass.next();
            n++;
        }
        assertEquals(10, n);
        assertFalse(pass.producerAlive());
        assertEquals(0, src.openPasses());
    }

    @Test
    void takeAfterPrefetchStopsTheProducer() throws InterruptedException {
        Set<Thread> before = TestSources.liveThreads(PREFIX);
        Recording<Long> src = Recording.endless();
        assertEquals(longs(5), src.prefetch(8).take(5).toList());
        assertTrue(TestSources.awaitDeath(TestSources.startedSince(before, PREFIX), TestSources.THREAD_EXIT));
        assertEquals(0, src.openPasses());
    }

    @Test
    void aHugeBufferCostsOnlyWhatItHolds() {
        assertEquals(longs(100), Dataset.range(100).prefetch(Integer.MAX_VALUE).toList());
        assertEquals(
                longs(100), Dataset.range(100).prefetch(Integer.MAX_VALUE - 1).toList());
    }

    @Test
    void nonPositiveBufferIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.range(3).prefetch(0));
    }
}
