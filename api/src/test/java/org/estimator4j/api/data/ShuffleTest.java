package org.estimator4j.api.data;

import static org.estimator4j.api.data.TestSources.longs;
import static org.estimator4j.api.data.TestSources.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.estimator4j.api.data.TestSources.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShuffleTest {

    @Test
    void shuffleWithSeedIsDeterministicAcrossRuns() {
        Dataset<Long> run1 = Dataset.range(100).shuffle(10, 42);
        List<Long> run1Pass1 = run1.toList();
        List<Long> run1Pass2 = run1.toList();

        // A new run: a fresh pipeline object built the same way.
        Dataset<Long> run2 = Dataset.range(100).shuffle(10, 42);
        assertEquals(run1Pass1, run2.toList());
        assertEquals(run1Pass2, run2.toList());
        assertNotEquals(longs(100), run1Pass1, "a buffer of 10 over 100 elements should move something");
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        assertNotEquals(
                Dataset.range(100).shuffle(100, 1).toList(),
                Dataset.range(100).shuffle(100, 2).toList());
    }

    @Test
    void reshuffleEachIterationGivesEachPassADifferentPermutation() {
        Dataset<Long> ds = Dataset.range(50).shuffle(50, 7, true);
        List<Long> pass1 = ds.toList();
        List<Long> pass2 = ds.toList();
        List<Long> pass3 = ds.toList();

        assertEquals(longs(50), sorted(pass1));
        assertEquals(longs(50), sorted(pass2));
        assertEquals(longs(50), sorted(pass3));
        assertNotEquals(pass1, pass2);
        assertNotEquals(pass2, pass3);
        assertNotEquals(pass1, pass3);
    }

    @Test
    void twoArgumentShuffleReshufflesEachPass() {
        Dataset<Long> ds = Dataset.range(50).shuffle(50, 7);
        assertNotEquals(ds.toList(), ds.toList());
        assertEquals(
                Dataset.range(50).shuffle(50, 7, true).toList(),
                Dataset.range(50).shuffle(50, 7).toList());
    }

    @Test
    void withoutReshuffleEveryPassRepeatsTheFirst() {
        Dataset<Long> ds = Dataset.range(50).shuffle(20, 7, false);
        List<Long> first = ds.toList();
        assertNotEquals(longs(50), first);
        assertEquals(longs(50), sorted(first));
        for (int pass = 0; pass < 5; pass++) {
            assertEquals(first, ds.toList(), "pass " + (pass + 2));
        }
    }

    @Test
    void shuffleInsideRepeatReshufflesEachEpoch() {
        List<Long> twoEpochs = Dataset.range(30).shuffle(30, 3).repeat(2).toList();
        List<Long> epoch1 = twoEpochs.subList(0, 30);
        List<Long> epoch2 = twoEpochs.subList(30, 60);
        assertEquals(longs(30), sorted(epoch1));
        assertEquals(longs(30), sorted(epoch2));
        assertNotEquals(epoch1, epoch2);

        List<Long> fixed = Dataset.range(30).shuffle(30, 3, false).repeat(2).toList();
        assertEquals(fixed.subList(0, 30), fixed.subList(30, 60));
    }

    @Test
    void bufferOfOneKeepsTheInputOrder() {
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(longs(40), Dataset.range(40).shuffle(1, seed).toList(), "seed " + seed);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 101, 1000, 1 << 20, Integer.MAX_VALUE})
    void bufferAtLeastTheDatasetSizeGivesAPermutation(int bufferSize) {
        List<Long> out = Dataset.range(100).shuffle(bufferSize, 11).toList();
        assertEquals(longs(100), sorted(out));
        assertNotEquals(longs(100), out);
    }

    @Test
    void aBufferCoveringTheDatasetCanPutAnyElementFirst() {
        Set<Long> firsts = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            firsts.add(Dataset.range(6).shuffle(6, seed).toList().get(0));
        }
        assertEquals(Set.copyOf(longs(6)), firsts);
    }

    @Test
    void withBufferTwoTheFirstElementIsOneOfTheFirstTwo() {
        Set<Long> firsts = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            Long first = Dataset.range(20).shuffle(2, seed).toList().get(0);
            assertTrue(first == 0 || first == 1, "seed " + seed + " put " + first + " first");
            firsts.add(first);
        }
        assertEquals(Set.of(0L, 1L), firsts, "both candidates should come first for some seed");
    }

    /** TensorFlow's buffered shuffle: at output position p only the first p + bufferSize inputs have been read. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 16})
    void noElementIsEmittedBeforeItCouldHaveEnteredTheBuffer(int bufferSize) {
        int n = 60;
        for (long seed = 0; seed < 30; seed++) {
            List<Long> out = Dataset.range(n).shuffle(bufferSize, seed).toList();
            assertEquals(longs(n), sorted(out));
            for (int position = 0; position < n; position++) {
                long element = out.get(position);
                assertTrue(
                        position >= element - bufferSize + 1,
                        "buffer " + bufferSize + ", seed " + seed + ": element " + element + " emitted at position "
                                + position);
            }
        }
    }

    @Test
    void shuffleWithoutASeedIsAPermutation() {
        Dataset<Long> ds = Dataset.range(200).shuffle(64);
        assertEquals(longs(200), sorted(ds.toList()));
        assertEquals(longs(200), sorted(ds.toList()));
    }

    @Test
    void emptyDatasetShufflesToEmpty() {
        assertEquals(List.of(), Dataset.<Long>of().shuffle(10, 1).toList());
    }

    @Test
    void nonPositiveBufferIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.range(3).shuffle(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Dataset.range(3).shuffle(-5));
    }

    @Test
    void shuffleClosesItsUpstreamWhenTheConsumerStopsEarly() {
        Recording<Long> src = Recording.of(longs(100));
        assertEquals(5, src.shuffle(10, 1).take(5).toList().size());
        assertEquals(1, src.opened.get());
        assertEquals(0, src.openPasses());
    }
}
