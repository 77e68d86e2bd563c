package org.estimator4j.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.api.table.Shape;
import org.junit.jupiter.api.Test;

class InMemorySourcesTest {

    /** An ordered map from alternating keys and values (values may be null). */
    private static Map<String, Object> record(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void fromRecordsInfersTypesFromJavaValues() {
        List<Map<String, Object>> records = List.of(record(
                "i",
                1,
                "l",
                2L,
                "d",
                1.5,
                "f",
                2.5f,
                "s",
                "x",
                "b",
                true,
                "ints",
                List.of(1, 2),
                "doubles",
                List.of(1.0, 2.0),
                "strings",
                List.of("a"),
                "floats",
                new float[] {1f}));
        Schema schema = Dataset.fromRecords(records).toList().get(0).schema();
        assertEquals(
                Schema.of(
                        Field.scalar("i", DType.INT64),
                        Field.scalar("l", DType.INT64),
                        Field.scalar("d", DType.FLOAT64),
                        Field.scalar("f", DType.FLOAT32),
                        Field.scalar("s", DType.STRING),
                        Field.scalar("b", DType.INT64),
                        Field.variable("ints", DType.INT64),
                        Field.variable("doubles", DType.FLOAT64),
                        Field.variable("strings", DType.STRING),
                        Field.variable("floats", DType.FLOAT32)),
                schema);
    }

    @Test
    void fromRecordsConvertsValuesAndMarksAbsentOrNullAsMissing() {
        List<Map<String, Object>> records = List.of(
                record("age", 39, "city", "Oslo", "tags", List.of(3, 4)),
                record("age", null, "tags", List.of()),
                record("city", "Rome"));
        List<Example> rows = Dataset.fromRecords(records).toList();
        assertEquals(3, rows.size());
        assertEquals(39L, rows.get(0).getLong("age"));
        assertEquals("Oslo", rows.get(0).getString("city"));
        assertArrayEquals(new long[] {3, 4}, rows.get(0).getLongs("tags"));
        assertTrue(rows.get(1).isMissing("age"));
        assertTrue(rows.get(1).isMissing("city"));
        assertFalse(rows.get(1).isMissing("tags"));
        assertEquals(0, rows.get(1).getLongs("tags").length);
        assertTrue(rows.get(2).isMissing("age"));
        assertTrue(rows.get(2).isMissing("tags"));
        assertEquals("Rome", rows.get(2).getString("city"));
    }

    @Test
    void fromRecordsWidensMixedNumbers() {
        List<Map<String, Object>> records =
                List.of(record("x", 1, "y", 1, "z", 1.5f), record("x", 2.5, "y", 2.5f, "z", 2.0));
        Schema schema = Dataset.fromRecords(records).toList().get(0).schema();
        assertEquals(DType.FLOAT64, schema.field("x").dtype());
        assertEquals(DType.FLOAT32, schema.field("y").dtype());
        assertEquals(DType.FLOAT64, schema.field("z").dtype());
        List<Example> rows = Dataset.fromRecords(records).toList();
        assertEquals(1.0, rows.get(0).getDouble("x"));
        assertEquals(2.5, rows.get(1).getDouble("x"));
    }

    @Test
    void fromRecordsTakesTheTypeOfALaterValueWhenTheFirstIsNull() {
        List<Map<String, Object>> records = List.of(record("x", null), record("x", 7));
        List<Example> rows = Dataset.fromRecords(records).toList();
        assertEquals(Field.scalar("x", DType.INT64), rows.get(0).schema().field("x"));
        assertTrue(rows.get(0).isMissing("x"));
        assertEquals(7L, rows.get(1).getLong("x"));
    }

    @Test
    void fromRecordsTakesTheElementTypeOfALaterListWhenTheFirstIsEmpty() {
        List<Map<String, Object>> records = List.of(record("ids", List.of()), record("ids", List.of(5L, 6L)));
        List<Example> rows = Dataset.fromRecords(records).toList();
        assertEquals(Field.variable("ids", DType.INT64), rows.get(0).schema().field("ids"));
        assertArrayEquals(new long[] {5, 6}, rows.get(1).getLongs("ids"));

        // Only empty lists: nothing says what they hold, float32 is the default.
        Schema onlyEmpty = Dataset.fromRecords(List.of(record("e", List.of())))
                .toList()
                .get(0)
                .schema();
        assertEquals(Field.variable("e", DType.FLOAT32), onlyEmpty.field("e"));
    }

    @Test
    void fromRecordsRejectsAColumnThatIsAlwaysNull() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Dataset.fromRecords(List.of(record("ok", 1, "ghost", null))));
        assertTrue(e.getMessage().contains("'ghost'") && e.getMessage().contains("Schema"), e.getMessage());
    }

    @Test
    void fromRecordsRejectsAColumnMixingStringsAndNumbers() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Dataset.fromRecords(List.of(record("x", 1), record("x", "one"))));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    }

    @Test
    void fromRecordsRejectsANullInsideAList() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Dataset.fromRecords(List.of(record("ids", Arrays.asList(1, null)))));
        assertTrue(e.getMessage().contains("'ids'") && e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void fromRecordsWithASchemaRejectsUnknownColumns() {
        Schema schema = Schema.of(Field.scalar("a", DType.FLOAT32));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Dataset.fromRecords(schema, List.of(record("a", 1, "b", 2)))
                        .toList());
        assertTrue(e.getMessage().contains("'b'"), e.getMessage());
        List<Example> rows =
                Dataset.fromRecords(schema, List.of(record("a", 3))).toList();
        assertEquals(3.0f, rows.get(0).getFloat("a"));
    }

    @Test
    void fromRecordsRereadsTheRecordsEachPass() {
        List<Map<String, Object>> records = new ArrayList<>(List.of(record("x", 1)));
        Dataset<Example> ds = Dataset.fromRecords(records);
        assertEquals(1, ds.count());
        records.add(record("x", 2));
        assertEquals(2, ds.count());
    }

    @Test
    void fromColumnsSlicesScalarArraysIntoRows() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("f", new float[] {1.5f, 2.5f});
        columns.put("d", new double[] {0.1, 0.2});
        columns.put("l", new long[] {7, 8});
        columns.put("i", new int[] {-1, -2});
        columns.put("s", new String[] {"a", null});
        columns.put("b", new boolean[] {true, false});
        List<Example> rows = Dataset.fromColumns(columns).toList();
        assertEquals(
                Schema.of(
                        Field.scalar("f", DType.FLOAT32),
                        Field.scalar("d", DType.FLOAT64),
                        Field.scalar("l", DType.INT64),
                        Field.scalar("i", DType.INT64),
                        Field.scalar("s", DType.STRING),
                        Field.scalar("b", DType.INT64)),
                rows.get(0).schema());
        assertEquals(2, rows.size());
        assertEquals(2.5f, rows.get(1).getFloat("f"));
        assertEquals(0.1, rows.get(0).getDouble("d"));
        assertEquals(8L, rows.get(1).getLong("l"));
        assertEquals(-2L, rows.get(1).getLong("i"));
        assertEquals("a", rows.get(0).getString("s"));
        assertTrue(rows.get(1).isMissing("s"));
        assertEquals(1L, rows.get(0).getLong("b"));
        assertEquals(0L, rows.get(1).getLong("b"));
    }

    @Test
    void fromColumnsWithEqualWidthRowsGivesAFixedShape() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("xy", new float[][] {{1, 2}, {3, 4}, {5, 6}});
        columns.put("words", new String[][] {{"a", "b"}, {"c", "d"}, {"e", "f"}});
        List<Example> rows = Dataset.fromColumns(columns).toList();
        assertEquals(
                new Field("xy", DType.FLOAT32, Shape.of(2)),
                rows.get(0).schema().field("xy"));
        assertEquals(
                new Field("words", DType.STRING, Shape.of(2)),
                rows.get(0).schema().field("words"));
        assertArrayEquals(new float[] {3, 4}, rows.get(1).getFloats("xy"));
        assertArrayEquals(new String[] {"e", "f"}, rows.get(2).getStrings("words"));
    }

    @Test
    void fromColumnsWithRaggedRowsGivesAVariableLengthColumn() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("ids", new int[][] {{1}, {2, 3}, {}, null});
        columns.put("w", new double[][] {{1, 2}, null, {3, 4}, {5, 6}});
        List<Example> rows = Dataset.fromColumns(columns).toList();
        assertEquals(Field.variable("ids", DType.INT64), rows.get(0).schema().field("ids"));
        assertEquals(
                new Field("w", DType.FLOAT64, Shape.of(2)),
                rows.get(0).schema().field("w"),
                "a missing row does not make a column ragged");
        assertArrayEquals(new long[] {2, 3}, rows.get(1).getLongs("ids"));
        assertEquals(0, rows.get(2).getLongs("ids").length);
        assertTrue(rows.get(3).isMissing("ids"));
        assertNull(rows.get(1).get("w"));
        assertArrayEquals(new double[] {5, 6}, rows.get(3).getDoubles("w"));
    }

    @Test
    void fromColumnsWithOnlyEmptyRowsIsVariableLength() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("e", new long[][] {{}, {}});
        List<Example> rows = Dataset.fromColumns(columns).toList();
        assertEquals(Field.variable("e", DType.INT64), rows.get(0).schema().field("e"));
    }

    @Test
    void fromColumnsWithMismatchedLengthsNamesBothColumns() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("age", new long[] {1, 2, 3});
        columns.put("income", new double[] {1, 2});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dataset.fromColumns(columns));
        assertTrue(
                e.getMessage().contains("'age'")
                        && e.getMessage().contains("'income'")
                        && e.getMessage().contains("3")
                        && e.getMessage().contains("2"),
                e.getMessage());
    }

    @Test
    void fromColumnsRejectsNonArraysEmptyMapsAndUnsupportedTypes() {
        Map<String, Object> notArray = new HashMap<>();
        notArray.put("x", List.of(1, 2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dataset.fromColumns(notArray))
                .getMessage()
                .contains("'x'"));
        assertThrows(IllegalArgumentException.class, () -> Dataset.fromColumns(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Dataset.fromColumns(Map.of("o", new Object[] {1})));
    }

    @Test
    void fromColumnsRowsAreStableAcrossPasses() {
        Dataset<Example> ds = Dataset.fromColumns(Map.of("x", new long[] {1, 2, 3}));
        assertEquals(ds.toList(), ds.toList());
        assertEquals(Arrays.asList(1L, 2L, 3L), ds.map(e -> e.getLong("x")).toList());
    }
}
