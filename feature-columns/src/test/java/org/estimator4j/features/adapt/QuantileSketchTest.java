package org.estimator4j.features.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantileSketchTest {
    @Test
    void isExactWhileSmall() {
        QuantileSketch s = new QuantileSketch(200, 1);
        for (int i = 1; i <= 100; i++) {
            s.add(i);
        }
        assertArrayEquals(new float[] {1, 26, 51, 76, 100}, s.quantiles(0, 0.25, 0.5, 0.75, 1));
    }

    @Test
    void rankErrorStaysSmallOnAMillionValuesWithBoundedMemory() {
        QuantileSketch s = new QuantileSketch(400, 7);
        SplittableRandom r = new SplittableRandom(3);
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            s.add((float) r.nextDouble());
        }
        assertEquals(n, s.count());
        float[] q = s.quantiles(0.1, 0.5, 0.9);
        assertEquals(0.1, q[0], 0.01);
        assertEquals(0.5, q[1], 0.01);
        assertEquals(0.9, q[2], 0.01);
    }

    @Test
    void mergingTwoSketchesMatchesOneOverAllTheData() {
        QuantileSketch left = new QuantileSketch(400, 1);
        QuantileSketch right = new QuantileSketch(400, 2);
        for (int i = 0; i < 50_000; i++) {
            left.add(i);
            right.add(50_000 + i);
        }
        left.merge(right);
        assertEquals(100_000, left.count());
        float[] q = left.quantiles(0.25, 0.5, 0.75);
        assertEquals(25_000, q[0], 1_000);
        assertEquals(50_000, q[1], 1_000);
        assertEquals(75_000, q[2], 1_000);
    }
}
