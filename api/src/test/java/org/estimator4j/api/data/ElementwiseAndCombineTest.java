package org.estimator4j.api.data;

import static org.estimator4j.api.data.TestSources.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.estimator4j.api.data.TestSources.Recording;
import org.junit.jupiter.api.Test;

class ElementwiseAndCombineTest {

    @Test
    void mapAppliesTheFunctionInOrder() {
        assertEquals(
                List.of("0!", "1!", "2!"), Dataset.range(3).map(x -> x + "!").toList());
    }

    @Test
    void mapToNullFailsWithAMessage() {
        NullPointerException e = assertThrows(
                NullPointerException.class,
                () -> Dataset.range(3).map(x -> (String) null).toList());
        assertTrue(e.getMessage().contains("null element"), e.getMessage());
    }

    @Test
    void filterKeepsMatchingElementsInOrder() {
        assertEquals(
                List.of(0L, 3L, 6L, 9L),
                Dataset.range(10).filter(x -> x % 3 == 0).toList());
        assertEquals(List.of(), Dataset.range(10).filter(x -> false).toList());
    }

    @Test
    void flatMapExpandsEachElementInOrder() {
        assertEquals(
                List.of(1L, 2L, 2L, 3L, 3L, 3L),
                Dataset.range(0, 4)
                        .flatMap(x -> java.util.Collections.nCopies((int) (long) x, x))
                        .toList());
        assertEquals(
                List.of(10L, 11L, 30L, 31L),
                Dataset.of(1L, 2L, 3L)
                        .flatMap(x -> x == 2 ? List.<Long>of() : List.of(x * 10, x * 10 + 1))
                        .toList());
    }

    @Test
    void flatMapIntoDatasetsClosesEachInnerPass() {
        Recording<Long> inner = Recording.of(longs(3));
        assertEquals(
                List.of(0L, 1L, 2L, 0L, 1L, 2L),
                Dataset.range(2).flatMap(x -> inner).toList());
        assertEquals(2, inner.opened.get());
        assertEquals(0, inner.openPasses());

        Recording<Long> endless = Recording.endless();
        assertEquals(longs(4), Dataset.range(5).flatMap(x -> endless).take(4).toList());
        assertEquals(0, endless.openPasses(), "stopping early must close the inner pass too");
    }

    @Test
    void zipPairsElementsAndStopsAtTheShorter() {
        assertEquals(
                List.of(new Pair<>(0L, "a"), new Pair<>(1L, "b")),
                Dataset.range(5).zip(Dataset.of("a", "b")).toList());
        assertEquals(
                List.of(new Pair<>("a", 0L), new Pair<>("b", 1L)),
                Dataset.of("a", "b").zip(Dataset.range(5)).toList());
        assertEquals(
                List.of(10L, 12L, 14L),
                Dataset.range(3).zip(Dataset.range(10, 100), (a, b) -> a + b).toList());
    }

    @Test
    void zipClosesBothSides() {
        Recording<Long> shortSide = Recording.of(longs(2));
        Recording<Long> endless = Recording.endless();
        assertEquals(2, shortSide.zip(endless).count());
        assertEquals(0, shortSide.openPasses());
        assertEquals(0, endless.openPasses());
    }

    @Test
    void concatenateAppendsTheSecondDataset() {
        assertEquals(
                List.of(0L, 1L, 2L, 10L, 11L),
                Dataset.range(3).concatenate(Dataset.range(10, 12)).toList());
        assertEquals(
                List.of(10L, 11L),
                Dataset.<Long>of().concatenate(Dataset.range(10, 12)).toList());
        assertEquals(
                List.of(0L, 1L),
                Dataset.range(2).concatenate(Dataset.<Long>of()).toList());
        assertEquals(
                List.of(0L, 5L),
                Dataset.range(1)
                        .concatenate(Dataset.<Long>of())
                        .concatenate(Dataset.range(5, 6))
                        .toList());
    }

    @Test
    void concatenateOfASubtype() {
        Dataset<Number> numbers = Dataset.<Number>of(1.5).concatenate(Dataset.range(2));
        assertEquals(List.of(1.5, 0L, 1L), numbers.toList());
    }

    @Test
    void concatenateOpensTheSecondOnlyWhenTheFirstEnds() {
        Recording<Long> second = Recording.of(longs(3));
        assertEquals(
                List.of(0L, 1L), Dataset.range(2).concatenate(second).take(2).toList());
        assertEquals(0, second.opened.get());
    }

    @Test
    void operationsNeverChangeTheirInput() {
        Dataset<Long> base = Dataset.range(5);
        base.map(x -> x * 2).filter(x -> x > 2).take(1);
        assertEquals(longs(5), base.toList());
    }

    @Test
    void countAndToListRunOnePass() {
        Recording<Long> src = Recording.of(longs(7));
        assertEquals(7, src.count());
        assertEquals(longs(7), src.toList());
        assertEquals(2, src.opened.get());
        assertEquals(0, src.openPasses());
    }
}
