package org.estimator4j.api.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {
    private static final Schema SCHEMA = Schema.of(
            Field.scalar("a", DType.INT64),
            Field.scalar("b", DType.STRING),
            Field.variable("c", DType.FLOAT32),
            new Field("d", DType.FLOAT64, Shape.of(2, 3)));

    @Test
    void lookupByNameAndPosition() {
        assertEquals(4, SCHEMA.size());
        assertEquals(List.of("a", "b", "c", "d"), SCHEMA.names());
        assertEquals(2, SCHEMA.indexOf("c"));
        assertEquals(Field.scalar("b", DType.STRING), SCHEMA.field("b"));
        assertEquals(Field.scalar("b", DType.STRING), SCHEMA.field(1));
        assertTrue(SCHEMA.contains("d"));
        assertFalse(SCHEMA.contains("e"));
    }

    @Test
    void unknownNameListsTheColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SCHEMA.indexOf("zz"));
        assertTrue(e.getMessage().contains("'zz'") && e.getMessage().contains("[a, b, c, d]"), e.getMessage());
    }

    @Test
    void duplicateNamesAreRejectedWithTheirPositions() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Schema.of(
                        Field.scalar("x", DType.INT64),
                        Field.scalar("y", DType.INT64),
                        Field.scalar("x", DType.STRING)));
        assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("1 and 3"), e.getMessage());
    }

    @Test
    void selectKeepsTheGivenOrderAndDropRemoves() {
        assertEquals(List.of("d", "a"), SCHEMA.select(List.of("d", "a")).names());
        assertEquals(List.of("a", "d"), SCHEMA.drop(List.of("b", "c")).names());
        assertThrows(IllegalArgumentException.class, () -> SCHEMA.select(List.of("nope")));
        assertThrows(IllegalArgumentException.class, () -> SCHEMA.drop(List.of("nope")));
    }

    @Test
    void schemasAreEqualByFields() {
        assertEquals(SCHEMA, Schema.of(SCHEMA.fields()));
        assertEquals(SCHEMA.hashCode(), Schema.of(SCHEMA.fields()).hashCode());
        assertNotEquals(SCHEMA, SCHEMA.select(List.of("a", "b", "d", "c")));
        assertThrows(UnsupportedOperationException.class, () -> SCHEMA.fields().add(Field.scalar("z", DType.INT64)));
    }

    @Test
    void shapesDescribeScalarsFixedTensorsAndVariableLists() {
        assertTrue(Shape.SCALAR.isScalar());
        assertEquals(Shape.SCALAR, Shape.of());
        assertEquals(1, Shape.SCALAR.width());
        assertEquals(6, Shape.of(2, 3).width());
        assertArrayEquals(new int[] {2, 3}, Shape.of(2, 3).dims());
        assertFalse(Shape.of(2, 3).isScalar());
        assertTrue(Shape.VARIABLE.isVariable());
        assertEquals(-1, Shape.VARIABLE.width());
        assertEquals("[None]", Shape.VARIABLE.toString());
        assertEquals(Shape.of(4), Shape.of(4));
        assertNotEquals(Shape.of(4), Shape.of(2, 2));
        assertThrows(IllegalArgumentException.class, () -> Shape.of(0));
        assertThrows(IllegalArgumentException.class, () -> Shape.of(3, -1));
    }

    @Test
    void shapeDimsAreDefensivelyCopied() {
        int[] dims = {2, 2};
        Shape s = Shape.of(dims);
        dims[0] = 9;
        s.dims()[1] = 9;
        assertEquals(Shape.of(2, 2), s);
    }

    @Test
    void fieldsNeedANameAndPrintLikeTensorFlow() {
        assertThrows(IllegalArgumentException.class, () -> Field.scalar("", DType.INT64));
        assertThrows(NullPointerException.class, () -> Field.scalar(null, DType.INT64));
        assertEquals("a:int64", Field.scalar("a", DType.INT64).toString());
        assertEquals("c:float32[None]", Field.variable("c", DType.FLOAT32).toString());
        assertEquals("d:float64[2, 3]", SCHEMA.field("d").toString());
    }

    @Test
    void dtypesKnowWhetherTheyAreNumeric() {
        assertTrue(DType.FLOAT32.isNumeric());
        assertTrue(DType.INT64.isNumeric());
        assertFalse(DType.STRING.isNumeric());
        assertEquals("float64", DType.FLOAT64.tfName());
    }
}
