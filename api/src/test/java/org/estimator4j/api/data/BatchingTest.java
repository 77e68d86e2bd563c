package org.estimator4j.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.FloatColumn;
import org.estimator4j.api.table.LongColumn;
import org.estimator4j.api.table.Padding;
import org.estimator4j.api.table.RaggedColumn;
import org.estimator4j.api.table.Schema;
import org.estimator4j.api.table.Shape;
import org.estimator4j.api.table.StringColumn;
import org.junit.jupiter.api.Test;

class BatchingTest {
    private static final Schema SCHEMA = Schema.of(
            Field.scalar("age", DType.INT64),
            Field.scalar("score", DType.FLOAT32),
            Field.scalar("city", DType.STRING),
            Field.variable("tokens", DType.INT64));

    private static List<Example> rows() {
        Example.Builder b = Example.builder(SCHEMA);
        return List.of(
                b.set("age", 30)
                        .set("score", 0.5)
                        .set("city", "Oslo")
                        .set("tokens", new long[] {1, 2})
                        .build(),
                b.setMissing("age")
                        .set("score", 1.5)
                        .set("city", "Rome")
                        .set("tokens", new long[] {})
                        .build(),
                b.set("age", 50).set("score", 2.5).build(),
                b.set("age", 60)
                        .set("score", 3.5)
                        .set("city", "Lima")
                        .set("tokens", new long[] {3, 4, 5})
                        .build(),
                b.set("age", 70)
                        .set("score", 4.5)
                        .set("city", "Kyiv")
                        .set("tokens", new long[] {6})
                        .build());
    }

    @Test
    void batchKeepsAShorterLastBatchByDefault() {
        assertEquals(
                List.of(List.of(0L, 1L, 2L), List.of(3L, 4L, 5L), List.of(6L)),
                Dataset.range(7).batch(3).toList());
        assertEquals(
                List.of(List.of(0L, 1L, 2L), List.of(3L, 4L, 5L), List.of(6L)),
                Dataset.range(7).batch(3, false).toList());
    }

    @Test
    void batchWithDropRemainderDropsTheShorterLastBatch() {
        assertEquals(
                List.of(List.of(0L, 1L, 2L), List.of(3L, 4L, 5L)),
                Dataset.range(7).batch(3, true).toList());
        assertEquals(
                List.of(List.of(0L, 1L, 2L), List.of(3L, 4L, 5L)),
                Dataset.range(6).batch(3, true).toList());
        assertEquals(List.of(), Dataset.range(2).batch(3, true).toList());
    }

    @Test
    void batchOfAnEmptyDatasetIsEmpty() {
        assertEquals(List.of(), Dataset.<Long>of().batch(3).toList());
    }

    @Test
    void batchListsCannotBeModified() {
        List<Long> batch = Dataset.range(3).batch(2).toList().get(0);
        assertThrows(UnsupportedOperationException.class, () -> batch.add(9L));
    }

    @Test
    void nonPositiveBatchSizeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.range(3).batch(0));
    }

    @Test
    void batchOfExamplesBuildsColumnsWithMissingMasks() {
        List<Batch> batches =
                Dataset.fromIterable(rows()).batch(3, false, Batch::of).toList();
        assertEquals(2, batches.size());
        Batch first = batches.get(0);
        assertEquals(3, first.numRows());
        assertEquals(SCHEMA, first.schema());

        LongColumn age = first.longColumn("age");
        assertTrue(age.hasMissing());
        assertArrayEquals(new boolean[] {false, true, false}, age.missingMask());
        assertEquals(30L, age.get(0));
        assertNull(age.get(1));
        assertEquals(50L, age.get(2));

        FloatColumn score = first.floatColumn("score");
        assertFalse(score.hasMissing());
        assertNull(score.missingMask());
        assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f}, score.values());

        StringColumn city = first.stringColumn("city");
        assertArrayEquals(new boolean[] {false, false, true}, city.missingMask());
        assertEquals("Rome", city.get(1));
        assertNull(city.get(2));

        RaggedColumn tokens = first.raggedColumn("tokens");
        assertArrayEquals(new int[] {0, 2, 2, 2}, tokens.offsets());
        assertFalse(tokens.isMissing(1), "an empty list is not missing");
        assertEquals(0, tokens.length(1));
        assertTrue(tokens.isMissing(2));
        assertArrayEquals(new long[] {1, 2}, (long[]) tokens.get(0));

        Batch last = batches.get(1);
        assertEquals(2, last.numRows());
        assertFalse(last.longColumn("age").hasMissing());
        assertArrayEquals(
                new long[] {3, 4, 5, 6},
                ((LongColumn) last.raggedColumn("tokens").values()).values());
    }

    @Test
    void batchOfExamplesWithDropRemainder() {
        List<Batch> batches =
                Dataset.fromIterable(rows()).batch(2, true, Batch::of).toList();
        assertEquals(2, batches.size());
        assertEquals(List.of(2, 2), batches.stream().map(Batch::numRows).toList());
    }

    @Test
    void unbatchOfListsRoundTrips() {
        assertEquals(TestSources.longs(10), Dataset.range(10).batch(3).unbatch().toList());
    }

    @Test
    void unbatchOfBatchesRoundTripsExamples() {
        List<Example> back = Dataset.fromIterable(rows())
                .batch(2, false, Batch::of)
                .<Example>unbatch()
                .toList();
        assertEquals(rows(), back);
        assertTrue(back.get(1).isMissing("age"));
        assertTrue(back.get(2).isMissing("tokens"));
        assertFalse(back.get(1).isMissing("tokens"));
    }

    @Test
    void unbatchOfANonIterableElementFails() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> Dataset.range(3).unbatch().toList());
        assertTrue(e.getMessage().contains("java.lang.Long"), e.getMessage());
    }

    @Test
    void paddedBatchPadsToTheLongestRowOfEachBatch() {
        List<Batch> batches = Dataset.fromIterable(rows())
                .paddedBatch(2, false, Padding.defaults())
                .toList();
        assertEquals(3, batches.size());

        Batch first = batches.get(0);
        assertEquals(
                new Field("tokens", DType.INT64, Shape.of(2)), first.schema().field("tokens"));
        LongColumn tokens = first.longColumn("tokens");
        assertEquals(2, tokens.width());
        assertArrayEquals(new long[] {1, 2, 0, 0}, tokens.values());

        Batch second = batches.get(1);
        LongColumn tokens2 = second.longColumn("tokens");
        assertEquals(3, tokens2.width());
        assertArrayEquals(new long[] {0, 0, 0, 3, 4, 5}, tokens2.values());
        assertTrue(tokens2.isMissing(0), "a missing list stays marked missing after padding");
        assertFalse(tokens2.isMissing(1));

        // Scalars pass through unchanged.
        assertEquals(SCHEMA.field("age"), second.schema().field("age"));
        assertArrayEquals(new long[] {50, 60}, second.longColumn("age").values());
    }

    @Test
    void paddedBatchPadsToAFixedLengthWithTheGivenValue() {
        Padding padding = Padding.defaults().withLength("tokens", 4).withValue("tokens", -1L);
        List<Batch> batches =
                Dataset.fromIterable(rows()).paddedBatch(5, false, padding).toList();
        assertEquals(1, batches.size());
        LongColumn tokens = batches.get(0).longColumn("tokens");
        assertEquals(4, tokens.width());
        assertArrayEquals(
                new long[] {
                    1, 2, -1, -1,
                    -1, -1, -1, -1,
                    -1, -1, -1, -1,
                    3, 4, 5, -1,
                    6, -1, -1, -1
                },
                tokens.values());
        assertArrayEquals(new long[] {3, 4, 5, -1}, (long[]) tokens.get(3));
    }

    @Test
    void paddedBatchRejectsARowLongerThanTheFixedLength() {
        Padding padding = Padding.defaults().withLength("tokens", 2);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Dataset.fromIterable(rows())
                        .paddedBatch(5, false, padding)
                        .toList());
        assertTrue(e.getMessage().contains("tokens") && e.getMessage().contains("3 values"), e.getMessage());
    }

    @Test
    void paddedBatchOfStringsPadsWithEmptyStringsOrTheGivenValue() {
        Schema schema = Schema.of(Field.variable("words", DType.STRING));
        Example.Builder b = Example.builder(schema);
        List<Example> rows = List.of(
                b.set("words", List.of("a", "b", "c")).build(),
                b.set("words", List.of("d")).build());

        StringColumn plain = Dataset.fromIterable(rows)
                .paddedBatch(2, false, Padding.defaults())
                .toList()
                .get(0)
                .stringColumn("words");
        assertArrayEquals(new String[] {"a", "b", "c", "d", "", ""}, plain.values());

        StringColumn marked = Dataset.fromIterable(rows)
                .paddedBatch(2, false, Padding.defaults().withValue("words", "<pad>"))
                .toList()
                .get(0)
                .stringColumn("words");
        assertArrayEquals(new String[] {"a", "b", "c", "d", "<pad>", "<pad>"}, marked.values());
    }

    @Test
    void paddedBatchWithDropRemainder() {
        List<Batch> batches = Dataset.fromIterable(rows())
                .paddedBatch(2, true, Padding.defaults())
                .toList();
        assertEquals(2, batches.size());
    }

    @Test
    void paddedBatchOfNonExamplesFailsWithAHint() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Dataset.range(3).paddedBatch(2, false, Padding.defaults()).toList());
        assertTrue(e.getMessage().contains("batch(size, dropRemainder, batcher)"), e.getMessage());
    }

    @Test
    void paddingForAnUnknownColumnIsRejected() {
        Padding padding = Padding.defaults().withLength("nope", 3);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Dataset.fromIterable(rows())
                        .paddedBatch(2, false, padding)
                        .toList());
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
