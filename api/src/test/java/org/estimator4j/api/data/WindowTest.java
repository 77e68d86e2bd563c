package org.estimator4j.api.data;

import static org.estimator4j.api.data.TestSources.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.estimator4j.api.data.TestSources.Recording;
import org.junit.jupiter.api.Test;

class WindowTest {

    /** TensorFlow's definition: window k holds positions k*shift + j*stride (j < size) that exist. */
    private static <T> List<List<T>> reference(List<T> xs, int size, int shift, int stride, boolean drop) {
        List<List<T>> out = new ArrayList<>();
        for (long start = 0; start < xs.size(); start += shift) {
            List<T> w = new ArrayList<>();
            for (int j = 0; j < size && start + (long) j * stride < xs.size(); j++) {
                w.add(xs.get((int) (start + (long) j * stride)));
            }
            if (drop && w.size() < size) {
                break;
            }
            out.add(w);
        }
        return out;
    }

    private static List<List<Long>> windows(long n, int size, int shift, int stride, boolean drop) {
        return Dataset.range(n).window(size, shift, stride, drop).toList();
    }

    @Test
    void slidingWindowWithShiftMatchesTensorFlowsExample() {
        assertEquals(List.of(List.of(0L, 1L, 2L), List.of(2L, 3L, 4L), List.of(4L, 5L, 6L)), windows(7, 3, 2, 1, true));
    }

    @Test
    void stridedWindowMatchesTensorFlowsExample() {
        assertEquals(List.of(List.of(0L, 2L, 4L), List.of(1L, 3L, 5L), List.of(2L, 4L, 6L)), windows(7, 3, 1, 2, true));
    }

    @Test
    void withoutDropRemainderTrailingPartialWindowsAreKept() {
        assertEquals(
                List.of(List.of(0L, 1L, 2L), List.of(2L, 3L, 4L), List.of(4L, 5L, 6L), List.of(6L)),
                windows(7, 3, 2, 1, false));
        assertEquals(
                List.of(
                        List.of(0L, 2L, 4L),
                        List.of(1L, 3L, 5L),
                        List.of(2L, 4L, 6L),
                        List.of(3L, 5L),
                        List.of(4L, 6L),
                        List.of(5L),
                        List.of(6L)),
                windows(7, 3, 1, 2, false));
    }

    @Test
    void tumblingWindowsSplitTheInput() {
        assertEquals(
                List.of(List.of(0L, 1L, 2L), List.of(3L, 4L, 5L), List.of(6L)),
                Dataset.range(7).window(3, false).toList());
        assertEquals(
                List.of(List.of(0L, 1L, 2L), List.of(3L, 4L, 5L)),
                Dataset.range(7).window(3, true).toList());
    }

    @Test
    void shiftLargerThanTheWindowSkipsTheGap() {
        assertEquals(List.of(List.of(0L, 1L), List.of(5L, 6L)), windows(10, 2, 5, 1, false));
        assertEquals(List.of(List.of(0L, 1L), List.of(5L, 6L), List.of(10L)), windows(11, 2, 5, 1, false));
        assertEquals(List.of(List.of(0L, 1L), List.of(5L, 6L)), windows(11, 2, 5, 1, true));
    }

    @Test
    void windowOfAnEmptyDatasetIsEmpty() {
        assertEquals(List.of(), windows(0, 3, 1, 1, false));
        assertEquals(List.of(), windows(0, 3, 1, 1, true));
    }

    @Test
    void everyParameterCombinationMatchesTheDefinition() {
        for (int n = 0; n <= 13; n++) {
            for (int size = 1; size <= 4; size++) {
                for (int shift = 1; shift <= 5; shift++) {
                    for (int stride = 1; stride <= 3; stride++) {
                        for (boolean drop : new boolean[] {false, true}) {
                            assertEquals(
                                    reference(longs(n), size, shift, stride, drop),
                                    windows(n, size, shift, stride, drop),
                                    "range(" + n + ").window(" + size + ", " + shift + ", " + stride + ", " + drop
                                            + ")");
                        }
                    }
                }
            }
        }
    }

    @Test
    void windowReadsTheSourceOnceAndClosesIt() {
        Recording<Long> src = Recording.of(longs(20));
        assertEquals(
                reference(longs(20), 4, 3, 2, false), src.window(4, 3, 2, false).toList());
        assertEquals(20, src.produced.get());
        assertEquals(0, src.openPasses());
    }

    @Test
    void windowOfAnEndlessSourceIsLazy() {
        assertEquals(
                List.of(List.of(0L, 1L, 2L), List.of(2L, 3L, 4L)),
                Recording.endless().window(3, 2, 1, true).take(2).toList());
    }

    @Test
    void invalidWindowParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.range(3).window(0, 1, 1, false));
        assertThrows(IllegalArgumentException.class, () -> Dataset.range(3).window(2, 0, 1, false));
        assertThrows(IllegalArgumentException.class, () -> Dataset.range(3).window(2, 1, 0, false));
    }
}
