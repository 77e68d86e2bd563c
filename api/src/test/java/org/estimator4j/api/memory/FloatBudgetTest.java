package org.estimator4j.api.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.estimator4j.api.data.Dataset;
import org.junit.jupiter.api.Test;

class FloatBudgetTest {
    @Test
    void theLimitIsAQuarterOfTheHeapAndNoMoreThanAJavaArray() {
        long expected = Math.min(Integer.MAX_VALUE - 8L, Runtime.getRuntime().maxMemory() / 4 / 4);
        assertEquals(expected, FloatBudget.maxFloats());
    }

    @Test
    void productsThatOverflowALongOrAnIntAreTooLarge() {
        assertTrue(FloatBudget.tooLarge(1L << 40, 1L << 40).contains("floats (too many MB), over the limit"));
        assertTrue(FloatBudget.tooLarge(Integer.MAX_VALUE, 4).startsWith("2147483647 x 4 = 8589934588 floats"));
        assertTrue(FloatBudget.tooLarge(-1, 4) != null);
        assertNull(FloatBudget.tooLarge(1000, 64));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> FloatBudget.floats(1L << 40, 2, "table 't'"));
        assertTrue(e.getMessage().startsWith("table 't': 1099511627776 x 2 ="), e.getMessage());
        assertEquals(64_000, FloatBudget.floats(1000, 64, "table"));
    }

    @Test
    void aBatchSizeOfTwoToTheThirtyOneMinusOneReservesNothingUpFront() {
        // Used to be new ArrayList<>(2^31-1): OutOfMemoryError before the first row.
        List<List<Integer>> batches =
                Dataset.fromIterable(List.of(1, 2, 3)).batch(Integer.MAX_VALUE).toList();
        assertEquals(List.of(List.of(1, 2, 3)), batches);
    }
}
