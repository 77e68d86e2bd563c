package org.estimator4j.api.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchTest {
    private static final Schema SCHEMA = ExampleTest.SCHEMA;

    private static List<Example> rows() {
        Example.Builder b = Example.builder(SCHEMA);
        return List.of(
                b.set("age", 39)
                        .set("score", 0.5)
                        .set("income", 10.0)
                        .set("city", "Oslo")
                        .set("xyz", new float[] {1, 2, 3})
                        .set("tags", List.of("a"))
                        .set("ids", new long[] {1, 2})
                        .set("w", new double[] {0.5})
                        .build(),
                b.set("score", 1.5).set("tags", List.of()).build(),
                b.set("age", 41)
                        .set("income", 30.0)
                        .set("city", "Lima")
                        .set("xyz", new float[] {4, 5, 6})
                        .set("tags", List.of("b", "c"))
                        .set("ids", new long[] {3})
                        .set("w", new double[] {})
                        .build());
    }

    @Test
    void batchOfRowsBuildsOneColumnPerField() {
        Batch batch = Batch.of(rows());
        assertEquals(3, batch.numRows());
        assertEquals(SCHEMA, batch.schema());
        assertEquals(SCHEMA.size(), batch.columns().size());

        LongColumn age = batch.longColumn("age");
        assertArrayEquals(new long[] {39, 0, 41}, age.values());
        assertArrayEquals(new boolean[] {false, true, false}, age.missingMask());

        FloatColumn score = batch.floatColumn("score");
        assertArrayEquals(new float[] {0.5f, 1.5f, 0}, score.values(), "a missing value is stored as 0");

        DoubleColumn income = batch.doubleColumn("income");
        assertEquals(10.0, income.get(0));
        assertNull(income.get(1));

        FloatColumn xyz = batch.floatColumn("xyz");
        assertEquals(3, xyz.width());
        assertArrayEquals(new float[] {1, 2, 3, 0, 0, 0, 4, 5, 6}, xyz.values());
        assertTrue(xyz.isMissing(1));
        assertEquals(5f, xyz.get(2, 1));

        RaggedColumn tags = batch.raggedColumn("tags");
        assertArrayEquals(new int[] {0, 1, 1, 3}, tags.offsets());
        assertArrayEquals(new String[] {"a", "b", "c"}, ((StringColumn) tags.values()).values());
        assertFalse(tags.hasMissing());
        assertArrayEquals(new String[] {}, (String[]) tags.get(1));

        RaggedColumn w = batch.raggedColumn("w");
        assertTrue(w.isMissing(1));
        assertFalse(w.isMissing(2));
        assertEquals(0, w.length(2));
    }

    @Test
    void scoreMaskMarksTheMissingThirdRow() {
        FloatColumn score = Batch.of(rows()).floatColumn("score");
        assertTrue(score.hasMissing());
        assertArrayEquals(new boolean[] {false, false, true}, score.missingMask());
    }

    @Test
    void rowsComeBackAsEqualExamples() {
        List<Example> rows = rows();
        Batch batch = Batch.of(rows);
        for (int r = 0; r < rows.size(); r++) {
            assertEquals(rows.get(r), batch.row(r), "row " + r);
        }
        List<Example> iterated = new ArrayList<>();
        batch.forEach(iterated::add);
        assertEquals(rows, iterated);
        assertThrows(IndexOutOfBoundsException.class, () -> batch.row(3));
        assertThrows(IndexOutOfBoundsException.class, () -> batch.row(-1));
    }

    @Test
    void selectAndDropShareColumnsWithoutCopying() {
        Batch batch = Batch.of(rows());
        Batch selected = batch.select(List.of("city", "age"));
        assertEquals(List.of("city", "age"), selected.schema().names());
        assertSame(batch.column("age"), selected.column("age"));
        assertEquals(3, selected.numRows());
        assertEquals("Lima", selected.row(2).getString("city"));

        Batch dropped = batch.drop(List.of("xyz", "tags", "ids", "w"));
        assertEquals(List.of("age", "score", "income", "city"), dropped.schema().names());
        assertSame(batch.column("income"), dropped.column("income"));
        assertThrows(IllegalArgumentException.class, () -> batch.drop(List.of("nope")));
        assertThrows(IllegalArgumentException.class, () -> batch.select(List.of("nope")));
    }

    @Test
    void typedColumnAccessOfTheWrongKindSaysWhatItIs() {
        Batch batch = Batch.of(rows());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> batch.floatColumn("age"));
        assertTrue(e.getMessage().contains("LongColumn"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> batch.raggedColumn("xyz"));
    }

    @Test
    void batchOfNoRowsNeedsASchema() {
        assertThrows(IllegalArgumentException.class, () -> Batch.of(List.of()));
        Batch empty = Batch.of(SCHEMA, List.of());
        assertEquals(0, empty.numRows());
        assertEquals(SCHEMA, empty.schema());
        assertFalse(empty.iterator().hasNext());
    }

    @Test
    void batchOfRowsWithDifferentSchemasNamesTheRow() {
        Schema strings = Schema.of(Field.scalar("s", DType.STRING));
        Schema numbers = Schema.of(Field.scalar("n", DType.INT64));
        List<Example> mixed = List.of(
                Example.builder(strings).set("s", "x").build(),
                Example.builder(numbers).set("n", 1).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Batch.of(mixed));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void constructorChecksColumnsAgainstTheSchema() {
        Field f = Field.scalar("x", DType.FLOAT32);
        FloatColumn col = new FloatColumn(f, 2, new float[] {1, 2}, null);
        assertEquals(2, new Batch(Schema.of(f), 2, List.of(col)).numRows());
        assertThrows(IllegalArgumentException.class, () -> new Batch(Schema.of(f), 3, List.of(col)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Batch(Schema.of(Field.scalar("y", DType.FLOAT32)), 2, List.of(col)));
        assertThrows(IllegalArgumentException.class, () -> new Batch(Schema.of(f), 2, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new FloatColumn(f, 3, new float[] {1, 2}, null));
    }

    @Test
    void aMaskWithoutMissingRowsIsDropped() {
        FloatColumn col =
                new FloatColumn(Field.scalar("x", DType.FLOAT32), 2, new float[] {1, 2}, new boolean[] {false, false});
        assertFalse(col.hasMissing());
        assertNull(col.missingMask());
    }

    @Test
    void paddingPadsVariableColumnsToTheLongestRow() {
        Batch padded = Padding.defaults().withValue("w", -1.0).batch(rows());
        StringColumn tags = padded.stringColumn("tags");
        assertEquals(new Field("tags", DType.STRING, Shape.of(2)), tags.field());
        assertArrayEquals(new String[] {"a", "", "", "", "b", "c"}, tags.values());
        DoubleColumn w = padded.doubleColumn("w");
        assertEquals(1, w.width());
        assertArrayEquals(new double[] {0.5, -1, -1}, w.values());
        assertTrue(w.isMissing(1));
        LongColumn ids = padded.longColumn("ids");
        assertArrayEquals(new long[] {1, 2, 0, 0, 3, 0}, ids.values());
        // Dense columns are untouched.
        assertEquals(SCHEMA.field("xyz"), padded.schema().field("xyz"));
        // A padded batch's rows read back with the padded shape.
        assertArrayEquals(new String[] {"b", "c"}, padded.row(2).getStrings("tags"));
        assertArrayEquals(new String[] {"a", ""}, padded.row(0).getStrings("tags"));
    }

    @Test
    void paddingToAFixedLengthRejectsLongerRows() {
        assertEquals(
                4,
                Padding.defaults()
                        .withLength("tags", 4)
                        .batch(rows())
                        .stringColumn("tags")
                        .width());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Padding.defaults().withLength("tags", 1).batch(rows()));
        assertTrue(e.getMessage().contains("'tags'") && e.getMessage().contains("row 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Padding.defaults().withLength("tags", -1));
    }

    @Test
    void paddingIsImmutable() {
        Padding base = Padding.defaults();
        Padding fixed = base.withLength("tags", 5);
        assertEquals(2, base.batch(rows()).stringColumn("tags").width());
        assertEquals(5, fixed.batch(rows()).stringColumn("tags").width());
    }
}
