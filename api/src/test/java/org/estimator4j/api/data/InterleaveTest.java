package org.estimator4j.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.estimator4j.api.data.TestSources.Recording;
import org.junit.jupiter.api.Test;

class InterleaveTest {

    private static List<Long> copies(long x, int n) {
        return Collections.nCopies(n, x);
    }

    @Test
    void interleaveMatchesTensorFlowsDocumentedExample() {
        // tf.data.Dataset.range(1, 6).interleave(lambda x: Dataset.from_tensors(x).repeat(6), cycle_length=2,
        //     block_length=4)
        List<Long> expected = List.of(
                1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L, 1L, 1L, 2L, 2L, 3L, 3L, 3L, 3L, 4L, 4L, 4L, 4L, 3L, 3L, 4L, 4L, 5L, 5L,
                5L, 5L, 5L, 5L);
        assertEquals(
                expected,
                Dataset.range(1, 6)
                        .interleave(x -> Dataset.of(x).repeat(6), 2, 4)
                        .toList());
        assertEquals(
                expected,
                Dataset.range(1, 6).interleave(x -> copies(x, 6), 2, 4).toList());
    }

    @Test
    void cycleLengthOneIsFlatMap() {
        assertEquals(
                Dataset.range(1, 5).flatMap(x -> copies(x, (int) (long) x)).toList(),
                Dataset.range(1, 5)
                        .interleave(x -> copies(x, (int) (long) x), 1, 3)
                        .toList());
    }

    @Test
    void blockLengthOneAlternatesAndAnExhaustedSlotMovesTheCycleOn() {
        // 1 -> [1], 2 -> [2, 2], 3 -> [3, 3, 3] with two slots: 1 2 | (1 ends) 2 | 3 (2 ends) 3 3
        assertEquals(
                List.of(1L, 2L, 2L, 3L, 3L, 3L),
                Dataset.range(1, 4)
                        .interleave(x -> copies(x, (int) (long) x), 2, 1)
                        .toList());
    }

    @Test
    void roundRobinOverAsManySlotsAsInputs() {
        List<List<String>> files = List.of(List.of("a1", "a2", "a3"), List.of("b1", "b2"), List.of("c1", "c2", "c3"));
        assertEquals(
                List.of("a1", "b1", "c1", "a2", "b2", "c2", "a3", "c3"),
                Dataset.fromIterable(files).interleave(f -> f, 3, 1).toList());
        // More slots than inputs changes nothing.
        assertEquals(
                List.of("a1", "b1", "c1", "a2", "b2", "c2", "a3", "c3"),
                Dataset.fromIterable(files).interleave(f -> f, 8, 1).toList());
        assertEquals(
                List.of("a1", "a2", "b1", "b2", "c1", "c2", "a3", "c3"),
                Dataset.fromIterable(files).interleave(f -> f, 3, 2).toList());
    }

    @Test
    void emptyInnerDatasetsAreSkipped() {
        List<List<Long>> inner = List.of(List.of(), List.of(1L, 2L), List.of(), List.of(3L));
        assertEquals(
                List.of(1L, 2L, 3L),
                Dataset.fromIterable(inner).interleave(x -> x, 2, 1).toList());
        assertEquals(
                List.of(), Dataset.<List<Long>>of().interleave(x -> x, 2, 1).toList());
    }

    @Test
    void interleaveClosesInnerPassesWhenStoppedEarly() {
        List<Recording<Long>> inner = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inner.add(Recording.endless());
        }
        Recording<Integer> outer = Recording.of(List.of(0, 1, 2, 3));
        assertEquals(
                List.of(0L, 1L, 0L, 1L, 2L),
                outer.interleave(inner::get, 2, 2).take(5).toList());
        for (Recording<Long> r : inner) {
            assertEquals(0, r.openPasses());
        }
        assertEquals(1, inner.get(0).opened.get());
        assertEquals(1, inner.get(1).opened.get());
        assertEquals(0, inner.get(2).opened.get());
        assertEquals(0, outer.openPasses());
    }

    @Test
    void invalidInterleaveParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.range(3).interleave(x -> List.of(x), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Dataset.range(3).interleave(x -> List.of(x), 1, 0));
    }
}
