package org.estimator4j.api.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleTest {
    static final Schema SCHEMA = Schema.of(
            Field.scalar("age", DType.INT64),
            Field.scalar("score", DType.FLOAT32),
            Field.scalar("income", DType.FLOAT64),
            Field.scalar("city", DType.STRING),
            new Field("xyz", DType.FLOAT32, Shape.of(3)),
            Field.variable("tags", DType.STRING),
            Field.variable("ids", DType.INT64),
            Field.variable("w", DType.FLOAT64));

    private static Example full() {
        return Example.builder(SCHEMA)
                .set("age", 39)
                .set("score", 0.25)
                .set("income", 1e6)
                .set("city", "Oslo")
                .set("xyz", new float[] {1, 2, 3})
                .set("tags", List.of("a", "b"))
                .set("ids", new int[] {4, 5})
                .set("w", List.of(1, 2.5))
                .build();
    }

    @Test
    void builderSettersByNameAndTypedGetters() {
        Example e = full();
        assertEquals(39L, e.getLong("age"));
        assertEquals(39.0, e.getDouble("age"));
        assertEquals(0.25f, e.getFloat("score"));
        assertEquals(1e6, e.getDouble("income"));
        assertEquals("Oslo", e.getString("city"));
        assertArrayEquals(new float[] {1, 2, 3}, e.getFloats("xyz"));
        assertArrayEquals(new String[] {"a", "b"}, e.getStrings("tags"));
        assertArrayEquals(new long[] {4, 5}, e.getLongs("ids"));
        assertArrayEquals(new double[] {1, 2.5}, e.getDoubles("w"));
        assertEquals(SCHEMA, e.schema());
        for (int i = 0; i < SCHEMA.size(); i++) {
            assertFalse(e.isMissing(i));
        }
    }

    @Test
    void builderSettersByIndex() {
        Example e = Example.builder(SCHEMA)
                .setLong(0, 7)
                .setDouble(1, 1.5)
                .setDouble(2, 2.5)
                .setObject(3, "x")
                .setObject(4, new double[] {1, 2, 3})
                .build();
        assertEquals(7L, e.getLong(0));
        assertEquals(1.5, e.getDouble(1));
        assertEquals(2.5, e.getDouble(2));
        assertEquals("x", e.get(3));
        assertArrayEquals(new float[] {1, 2, 3}, e.getFloats("xyz"));
        assertTrue(e.isMissing(5));
    }

    @Test
    void numbersAreConvertedToTheColumnType() {
        Example e = Example.builder(SCHEMA)
                .set("age", 3.0)
                .set("score", 2L)
                .set("income", (Object) 7)
                .set("city", new StringBuilder("sb"))
                .build();
        assertEquals(3L, e.getLong("age"));
        assertEquals(2.0f, e.getFloat("score"));
        assertEquals(7.0, e.getDouble("income"));
        assertEquals("sb", e.getString("city"));
        assertEquals(
                0.1f,
                Example.builder(SCHEMA).set("score", 0.1).build().get("score"),
                "a float32 column keeps float precision");
    }

    @Test
    void getBoxesScalarsByColumnType() {
        Example e = full();
        assertEquals(39L, e.get("age"));
        assertEquals(0.25f, e.get("score"));
        assertEquals(1e6, e.get("income"));
        assertEquals("Oslo", e.get("city"));
        assertArrayEquals(new float[] {1, 2, 3}, (float[]) e.get("xyz"));
    }

    @Test
    void columnsNeverSetAreMissingAndGetReturnsNull() {
        Example e = Example.builder(SCHEMA).set("city", "Rome").build();
        assertTrue(e.isMissing("age"));
        assertTrue(e.isMissing("tags"));
        assertFalse(e.isMissing("city"));
        assertNull(e.get("age"));
        assertNull(e.get("tags"));
        assertNull(e.get("xyz"));
    }

    @Test
    void typedGetterOnAMissingValueThrowsAHelpfulMessage() {
        Example e = Example.builder(SCHEMA).build();
        for (Runnable getter : List.<Runnable>of(
                () -> e.getLong("age"),
                () -> e.getDouble("income"),
                () -> e.getFloat("score"),
                () -> e.getString("city"),
                () -> e.getFloats("xyz"),
                () -> e.getStrings("tags"),
                () -> e.getLongs("ids"),
                () -> e.getDoubles("w"))) {
            IllegalStateException x = assertThrows(IllegalStateException.class, getter::run);
            assertTrue(x.getMessage().contains("missing") && x.getMessage().contains("isMissing"), x.getMessage());
        }
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> e.getLong("age"));
        assertTrue(x.getMessage().contains("'age'"), x.getMessage());
    }

    @Test
    void typedGetterOfTheWrongTypeSaysWhichToUse() {
        Example e = full();
        assertTrue(assertThrows(IllegalStateException.class, () -> e.getLong("income"))
                .getMessage()
                .contains("getDouble"));
        assertTrue(assertThrows(IllegalStateException.class, () -> e.getDouble("city"))
                .getMessage()
                .contains("getString"));
        assertTrue(assertThrows(IllegalStateException.class, () -> e.getString("age"))
                .getMessage()
                .contains("getDouble"));
        assertThrows(IllegalStateException.class, () -> e.getString("tags"));
        assertThrows(IllegalStateException.class, () -> e.getLongs("w"));
        assertThrows(IllegalStateException.class, () -> e.getStrings("city"));
    }

    @Test
    void unknownColumnListsTheKnownOnes() {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> full().get("nope"));
        assertTrue(x.getMessage().contains("'nope'") && x.getMessage().contains("city"), x.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> Example.builder(SCHEMA).set("nope", 1));
    }

    @Test
    void settersRejectValuesThatDoNotFit() {
        Example.Builder b = Example.builder(SCHEMA);
        assertThrows(IllegalArgumentException.class, () -> b.set("age", 1.5), "int64 takes only integers");
        assertThrows(IllegalArgumentException.class, () -> b.set("age", "39"));
        assertThrows(IllegalArgumentException.class, () -> b.set("city", 3L));
        assertThrows(IllegalArgumentException.class, () -> b.set("city", (Object) 3));
        IllegalArgumentException width =
                assertThrows(IllegalArgumentException.class, () -> b.set("xyz", new float[] {1, 2}));
        assertTrue(width.getMessage().contains("'xyz'") && width.getMessage().contains("3"), width.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.set("ids", List.of(1.5)));
        assertThrows(IllegalArgumentException.class, () -> b.set("tags", List.of(1)));
        assertThrows(IllegalArgumentException.class, () -> b.set("tags", new String[] {"a", null}));
    }

    @Test
    void setMissingAndNullClearAValue() {
        Example e = Example.builder(SCHEMA)
                .set("age", 5)
                .setMissing("age")
                .set("city", "x")
                .set("city", (Object) null)
                .build();
        assertTrue(e.isMissing("age"));
        assertTrue(e.isMissing("city"));
        assertEquals(Example.builder(SCHEMA).build(), e, "a cleared value leaves no trace");
    }

    @Test
    void buildStartsAFreshRowAndLeavesTheBuiltOneUnchanged() {
        Example.Builder b = Example.builder(SCHEMA);
        Example first = b.set("age", 1).set("city", "a").build();
        Example second = b.set("score", 2).build();
        assertEquals(1L, first.getLong("age"));
        assertTrue(first.isMissing("score"));
        assertTrue(second.isMissing("age"), "build() must reset the builder");
        assertTrue(second.isMissing("city"));
        assertEquals(2.0f, second.getFloat("score"));
    }

    @Test
    void equalityIsByContent() {
        assertEquals(full(), full());
        assertEquals(full().hashCode(), full().hashCode());
        assertNotEquals(full(), Example.builder(SCHEMA).build());
        Example zero = Example.builder(SCHEMA).set("age", 0).build();
        assertNotEquals(Example.builder(SCHEMA).build(), zero, "0 and missing differ");
    }

    @Test
    void toMapAndToStringShowEveryColumn() {
        Map<String, Object> map = full().toMap();
        assertEquals(SCHEMA.names(), new ArrayList<>(map.keySet()));
        assertEquals(39L, map.get("age"));
        String s = Example.builder(SCHEMA)
                .set("tags", List.of("t"))
                .set("age", 3)
                .build()
                .toString();
        assertTrue(s.contains("age=3") && s.contains("tags=[t]") && s.contains("city=null"), s);
    }

    @Test
    void manyColumnsKeepTheirOwnMissingBits() {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            fields.add(Field.scalar("c" + i, i % 3 == 0 ? DType.STRING : DType.FLOAT64));
        }
        Schema wide = Schema.of(fields);
        Example.Builder b = Example.builder(wide);
        for (int i = 0; i < 150; i++) {
            if (i % 7 != 0) {
                b.set("c" + i, i % 3 == 0 ? (Object) ("v" + i) : (Object) (double) i);
            }
        }
        Example e = b.build();
        for (int i = 0; i < 150; i++) {
            assertEquals(i % 7 == 0, e.isMissing("c" + i), "column c" + i);
            if (i % 7 != 0 && i % 3 != 0) {
                assertEquals(i, e.getDouble("c" + i));
            }
        }
    }

    @Test
    void anExampleWithoutColumnsIsFine() {
        Example e = Example.builder(Schema.of(List.of())).build();
        assertEquals(0, e.schema().size());
        assertEquals(Map.of(), e.toMap());
    }
}
