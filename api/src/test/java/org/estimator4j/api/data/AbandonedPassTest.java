package org.estimator4j.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A pass dropped without close() (a for-each loop left with break) must not leak its threads for ever. */
class AbandonedPassTest {
    private static boolean threadAlive(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith(prefix));
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            System.gc();
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Starts a pass, takes one element and drops the iterator. */
    private static void iterateOnceAndDrop(Dataset<Long> data) {
        Iterator<Long> it = data.iterator();
        assertEquals(0L, it.next());
    }

    @Test
    void aDroppedPrefetchPassStopsItsThread() throws InterruptedException {
        assertTrue(eventually(() -> !threadAlive("e4j-prefetch-")), "no prefetch thread before the test");
        Dataset<Long> data = Dataset.range(1_000_000).prefetch(4);
        iterateOnceAndDrop(data);
        assertTrue(threadAlive("e4j-prefetch-"), "the producer runs while the pass may still be used");
        assertTrue(eventually(() -> !threadAlive("e4j-prefetch-")), "the producer stops once the pass is collected");
    }

    @Test
    void aDroppedParallelMapPassShutsItsPoolDown() throws InterruptedException {
        assertTrue(eventually(() -> !threadAlive("e4j-map-")), "no map thread before the test");
        Dataset<Long> data = Dataset.range(1_000_000).map(x -> x, 2);
        iterateOnceAndDrop(data);
        assertTrue(eventually(() -> !threadAlive("e4j-map-")), "the workers exit once the pass is collected");
    }
}
