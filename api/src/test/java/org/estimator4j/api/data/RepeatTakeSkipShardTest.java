package org.estimator4j.api.data;

import static org.estimator4j.api.data.TestSources.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.estimator4j.api.data.TestSources.Recording;
import org.junit.jupiter.api.Test;

class RepeatTakeSkipShardTest {

    @Test
    void repeatCountPassesOverTheDatasetAgain() {
        assertEquals(
                List.of(0L, 1L, 2L, 0L, 1L, 2L, 0L, 1L, 2L),
                Dataset.range(3).repeat(3).toList());
    }

    @Test
    void repeatReopensTheSourceForEachRepetition() {
        Recording<Long> src = Recording.of(longs(4));
        assertEquals(12, src.repeat(3).count());
        assertEquals(3, src.opened.get());
        assertEquals(0, src.openPasses());
    }

    @Test
    void repeatZeroIsEmptyAndNegativeIsRejected() {
        Recording<Long> src = Recording.of(longs(4));
        assertEquals(List.of(), src.repeat(0).toList());
        assertEquals(0, src.opened.get(), "repeat(0) should not open the source");
        assertThrows(IllegalArgumentException.class, () -> Dataset.range(3).repeat(-1));
    }

    @Test
    void repeatThenTakeCutsTheSecondEpoch() {
        List<Long> expected = new ArrayList<>(longs(10));
        expected.addAll(longs(5));
        assertEquals(expected, Dataset.range(10).repeat(2).take(15).toList());
        assertEquals(20, Dataset.range(10).repeat(2).take(1000).count());
    }

    @Test
    void repeatWithoutCountIsEndlessOnANonEmptyDataset() {
        assertEquals(
                List.of(0L, 1L, 2L, 0L, 1L, 2L, 0L, 1L, 2L, 0L),
                Dataset.range(3).repeat().take(10).toList());
        assertEquals(100_000, Dataset.range(7).repeat().take(100_000).count());
    }

    @Test
    void repeatWithoutCountEndsOnAnEmptyDataset() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertEquals(List.of(), Dataset.<Long>of().repeat().toList());
            assertEquals(
                    List.of(), Dataset.range(5).filter(x -> x > 10).repeat().toList());
        });
    }

    @Test
    void takeOfAnEndlessRepeatClosesEveryPassItOpened() {
        Recording<Long> src = Recording.of(longs(3));
        assertEquals(8, src.repeat().take(8).count());
        assertEquals(3, src.opened.get());
        assertEquals(0, src.openPasses());
    }

    @Test
    void takeStopsWithoutReadingFurther() {
        Recording<Long> src = Recording.endless();
        assertEquals(longs(5), src.take(5).toList());
        assertEquals(5, src.produced.get(), "take(5) should pull exactly five elements");
        assertEquals(0, src.openPasses());

        Recording<Long> untouched = Recording.endless();
        assertEquals(List.of(), untouched.take(0).toList());
        assertEquals(0, untouched.produced.get());
        assertEquals(0, untouched.openPasses());
    }

    @Test
    void takeMoreThanTheSizeGivesEverything() {
        assertEquals(longs(4), Dataset.range(4).take(100).toList());
    }

    @Test
    void skipDropsTheFirstElements() {
        assertEquals(List.of(7L, 8L, 9L), Dataset.range(10).skip(7).toList());
        assertEquals(longs(10), Dataset.range(10).skip(0).toList());
        assertEquals(List.of(), Dataset.range(10).skip(10).toList());
        assertEquals(List.of(), Dataset.range(10).skip(50).toList());
    }

    @Test
    void skipThenTakeAndTakeThenSkipSelectDifferentSlices() {
        assertEquals(List.of(3L, 4L, 5L, 6L), Dataset.range(10).skip(3).take(4).toList());
        assertEquals(List.of(3L), Dataset.range(10).take(4).skip(3).toList());
    }

    @Test
    void negativeTakeOrSkipIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.range(3).take(-1));
        assertThrows(IllegalArgumentException.class, () -> Dataset.range(3).skip(-1));
    }

    @Test
    void shardTakesEveryNthElementFromItsIndex() {
        assertEquals(List.of(1L, 4L, 7L), Dataset.range(10).shard(3, 1).toList());
        assertEquals(List.of(0L, 3L, 6L, 9L), Dataset.range(10).shard(3, 0).toList());
        assertEquals(List.of(2L, 5L, 8L), Dataset.range(10).shard(3, 2).toList());
        assertEquals(longs(10), Dataset.range(10).shard(1, 0).toList());
    }

    @Test
    void shardsPartitionTheInput() {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.addAll(Dataset.range(23).shard(4, i).toList());
        }
        all.sort(null);
        assertEquals(longs(23), all);
    }

    @Test
    void shardAfterRepeatCountsPositionsAcrossEpochs() {
        // Positions 1, 3, 5, 7, 9 of 0 1 2 3 4 0 1 2 3 4.
        assertEquals(
                List.of(1L, 3L, 0L, 2L, 4L),
                Dataset.range(5).repeat(2).shard(2, 1).toList());
        // Sharding first, then repeating, repeats the shard.
        assertEquals(
                List.of(1L, 3L, 1L, 3L), Dataset.range(5).shard(2, 1).repeat(2).toList());
    }

    @Test
    void shardThenSkipThenTakeComposes() {
        // shard(3,1) of range(30) = 1 4 7 10 13 16 ...; skip 2 -> 7 10 13 ...; take 3.
        assertEquals(
                List.of(7L, 10L, 13L),
                Dataset.range(30).shard(3, 1).skip(2).take(3).toList());
    }

    @Test
    void invalidShardsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.range(3).shard(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Dataset.range(3).shard(3, 3));
        assertThrows(IllegalArgumentException.class, () -> Dataset.range(3).shard(3, -1));
    }

    @Test
    void rangeWithStartAndEnd() {
        assertEquals(List.of(5L, 6L, 7L), Dataset.range(5, 8).toList());
        assertEquals(List.of(), Dataset.range(8, 5).toList());
        assertEquals(0, Dataset.range(0).count());
    }
}
