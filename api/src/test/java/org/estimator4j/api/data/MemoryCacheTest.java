package org.estimator4j.api.data;

import static org.estimator4j.api.data.TestSources.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.estimator4j.api.data.TestSources.Recording;
import org.junit.jupiter.api.Test;

class MemoryCacheTest {

    @Test
    void secondPassReplaysTheCacheWithoutRereadingTheSource() {
        Recording<Long> src = Recording.of(longs(10));
        Dataset<Long> cached = src.map(x -> x * 3).cache();
        List<Long> first = cached.toList();
        assertEquals(1, src.opened.get());
        assertEquals(first, cached.toList());
        assertEquals(first, cached.toList());
        assertEquals(1, src.opened.get(), "later passes must not reopen the source");
        assertEquals(10, src.produced.get());
    }

    @Test
    void anAbandonedFirstPassIsNotUsedAsTheCache() {
        Recording<Long> src = Recording.of(longs(10));
        Dataset<Long> cached = src.cache();
        try (DatasetIterator<Long> it = cached.iterator()) {
            it.next();
            it.next();
            it.next();
        }
        assertEquals(longs(10), cached.toList(), "a partial first pass must not be replayed");
        assertEquals(2, src.opened.get());
        assertEquals(longs(10), cached.toList());
        assertEquals(2, src.opened.get(), "the first complete pass fills the cache");
    }

    @Test
    void takeBeforeTheEndDoesNotFillTheCache() {
        Recording<Long> src = Recording.of(longs(10));
        Dataset<Long> cached = src.cache();
        assertEquals(longs(4), cached.take(4).toList());
        assertEquals(longs(10), cached.toList());
        assertEquals(longs(10), cached.toList());
        assertEquals(2, src.opened.get());
    }

    @Test
    void cacheFreezesTheFirstPassOfAShuffle() {
        Dataset<Long> cached = Dataset.range(50).shuffle(50, 9).cache();
        List<Long> first = cached.toList();
        assertEquals(first, cached.toList());
        assertEquals(first, cached.repeat(2).toList().subList(50, 100));
    }

    @Test
    void twoCachesOfTheSameSourceAreIndependent() {
        Recording<Long> src = Recording.of(longs(5));
        Dataset<Long> a = src.cache();
        Dataset<Long> b = src.cache();
        a.toList();
        b.toList();
        a.toList();
        b.toList();
        assertEquals(2, src.opened.get());
    }

    @Test
    void anEmptyDatasetCachesAsEmpty() {
        Recording<Long> src = Recording.of(List.of());
        Dataset<Long> cached = src.cache();
        assertEquals(List.of(), cached.toList());
        assertEquals(List.of(), cached.toList());
        assertEquals(1, src.opened.get());
    }
}
