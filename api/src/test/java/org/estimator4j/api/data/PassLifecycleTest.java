package org.estimator4j.api.data;

import static org.estimator4j.api.data.TestSources.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.estimator4j.api.data.TestSources.Recording;
import org.junit.jupiter.api.Test;

class PassLifecycleTest {

    /** Counts up to {@code n}, counting its releases; fails at {@code failAt} if set. */
    private static final class Counting extends AbstractDatasetIterator<Integer> {
        final AtomicInteger released = new AtomicInteger();
        private final int n;
        private final int failAt;
        private int next;

        Counting(int n, int failAt) {
            this.n = n;
            this.failAt = failAt;
        }

        @Override
        protected Integer computeNext() {
            if (next == failAt) {
                throw new IllegalStateException("failed at " + next);
            }
            if (next == n) {
                return endOfData();
            }
            return next++;
        }

        @Override
        protected void release() {
            released.incrementAndGet();
        }
    }

    @Test
    void eachPassCallsTheSourceIteratorAgainAndSeesItsCurrentContent() {
        List<Long> backing = new ArrayList<>(longs(3));
        AtomicInteger iterators = new AtomicInteger();
        Iterable<Long> source = () -> {
            iterators.incrementAndGet();
            return new ArrayList<>(backing).iterator();
        };
        Dataset<Long> ds = Dataset.fromIterable(source).map(x -> x * 2);
        assertEquals(List.of(0L, 2L, 4L), ds.toList());
        backing.add(3L);
        assertEquals(List.of(0L, 2L, 4L, 6L), ds.toList());
        assertEquals(2, iterators.get());
    }

    @Test
    void aDatasetCanBeIteratedManyTimesWithForEach() {
        Dataset<Long> ds = Dataset.range(4).filter(x -> x != 2);
        for (int epoch = 0; epoch < 3; epoch++) {
            List<Long> seen = new ArrayList<>();
            for (Long x : ds) {
                seen.add(x);
            }
            assertEquals(List.of(0L, 1L, 3L), seen, "epoch " + epoch);
        }
    }

    @Test
    void passesOfOneDatasetAreIndependent() {
        Dataset<Long> ds = Dataset.range(5);
        Iterator<Long> a = ds.iterator();
        Iterator<Long> b = ds.iterator();
        assertEquals(0L, a.next());
        assertEquals(1L, a.next());
        assertEquals(0L, b.next());
        assertEquals(2L, a.next());
    }

    @Test
    void exhaustionReleasesExactlyOnce() {
        Counting it = new Counting(3, -1);
        List<Integer> seen = new ArrayList<>();
        it.forEachRemaining(seen::add);
        assertEquals(List.of(0, 1, 2), seen);
        assertEquals(1, it.released.get());
        assertFalse(it.hasNext());
        it.close();
        it.close();
        assertEquals(1, it.released.get());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void closeBeforeTheEndReleasesOnceAndEndsThePass() {
        Counting it = new Counting(10, -1);
        assertTrue(it.hasNext());
        it.close();
        assertEquals(1, it.released.get());
        assertFalse(it.hasNext(), "a closed pass has nothing more, not even the element it had ready");
        assertThrows(NoSuchElementException.class, it::next);
        it.close();
        assertEquals(1, it.released.get());
    }

    @Test
    void aFailureReleasesOnceAndEndsThePass() {
        Counting it = new Counting(10, 2);
        assertEquals(0, it.next());
        assertEquals(1, it.next());
        IllegalStateException e = assertThrows(IllegalStateException.class, it::hasNext);
        assertEquals("failed at 2", e.getMessage());
        assertEquals(1, it.released.get());
        assertFalse(it.hasNext());
        it.close();
        assertEquals(1, it.released.get());
    }

    @Test
    void hasNextDoesNotSkipElements() {
        Counting it = new Counting(3, -1);
        assertTrue(it.hasNext());
        assertTrue(it.hasNext());
        assertEquals(0, it.next());
        assertEquals(1, it.next());
        assertTrue(it.hasNext());
        assertEquals(2, it.next());
        assertFalse(it.hasNext());
    }

    @Test
    void aNullElementIsRejected() {
        Dataset<String> ds = Dataset.fromIterable(java.util.Arrays.asList("a", null));
        DatasetIterator<String> it = ds.iterator();
        assertEquals("a", it.next());
        NullPointerException e = assertThrows(NullPointerException.class, it::hasNext);
        assertTrue(e.getMessage().contains("no nulls"), e.getMessage());
    }

    @Test
    void runningAPipelineToItsEndClosesEveryUpstreamPass() {
        Recording<Long> src = Recording.of(longs(20));
        long n = src.map(x -> x + 1)
                .filter(x -> x % 2 == 0)
                .shuffle(4, 1)
                .batch(3)
                .unbatch()
                .count();
        assertEquals(10, n);
        assertEquals(1, src.opened.get());
        assertEquals(0, src.openPasses());
    }

    @Test
    void closingAPassClosesItsUpstream() {
        Recording<Long> src = Recording.endless();
        DatasetIterator<List<Long>> it = src.map(x -> x).batch(4).iterator();
        it.next();
        assertEquals(1, src.openPasses());
        it.close();
        assertEquals(0, src.openPasses());
    }

    @Test
    void datasetCloseClosesEveryOpenPass() {
        Recording<Long> src = Recording.endless();
        Dataset<Long> ds = src.map(x -> x * 2);
        DatasetIterator<Long> a = ds.iterator();
        DatasetIterator<Long> b = ds.iterator();
        a.next();
        b.next();
        b.next();
        assertEquals(2, src.openPasses());
        ds.close();
        assertEquals(0, src.openPasses());
        assertFalse(a.hasNext());
        assertFalse(b.hasNext());
        ds.close(); // idempotent
        // The dataset still works after close: a new pass starts from the beginning.
        assertEquals(List.of(0L, 2L), ds.take(2).toList());
    }

    @Test
    void tryWithResourcesClosesTheDatasetsPasses() {
        Recording<Long> src = Recording.endless();
        try (Dataset<Long> ds = src.prefetch(2)) {
            assertEquals(0L, ds.iterator().next());
        }
        assertEquals(0, src.openPasses());
    }

    @Test
    void iteratorReturnsADatasetIteratorThatClosesIdempotently() {
        Dataset<Long> ds = Dataset.range(3);
        DatasetIterator<Long> it = ds.iterator();
        it.close();
        it.close();
        assertFalse(it.hasNext());
        assertEquals(3, ds.count());
    }

    @Test
    void fingerprintNamesOperationsAndInputs() {
        String fp = Dataset.range(10).map(x -> x).batch(4, true).fingerprint();
        assertEquals("batch(4,true)(map(range(0,10)))", fp);
        assertEquals(
                "zip(range(0,2), range(0,3))",
                Dataset.range(2).zip(Dataset.range(3)).fingerprint());
    }
}
