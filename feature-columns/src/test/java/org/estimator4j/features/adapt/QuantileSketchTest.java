package org.estimator4j.features.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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

    @Test
    void whileExactAQuantileIsTheSmallestValueThatMoreThanItsFractionOfTheDataIsAtOrBelow() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + r.nextInt(200);
            float[] values = new float[n];
            QuantileSketch s = new QuantileSketch(200, trial);
            for (int i = 0; i < n; i++) {
                values[i] = r.nextInt(30); // ties on purpose
                s.add(values[i]);
            }
            double[] fractions = new double[21];
            for (int i = 0; i < fractions.length; i++) {
                fractions[i] = i / 20.0;
            }
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            float[] expected = new float[fractions.length];
            for (int i = 0; i < fractions.length; i++) {
                expected[i] = sorted[n - 1];
                for (int j = 0; j < n; j++) {
                    if (j + 1 > fractions[i] * n) {
                        expected[i] = sorted[j];
                        break;
                    }
                }
            }
            assertArrayEquals(expected, s.quantiles(fractions), "n = " + n);
        }
    }

    @Test
    void theSameSeedAndValuesGiveTheSameQuantilesWhateverOtherSketchesDoMeanwhile() {
        double[] fractions = new double[99];
        for (int i = 0; i < fractions.length; i++) {
            fractions[i] = (i + 1) / 100.0;
        }
        float[] alone = heavyTailed(new QuantileSketch(200, 5), null).quantiles(fractions);
        // The same sketch again, now interleaved value by value with another one that draws its own coin flips.
        float[] interleaved = heavyTailed(new QuantileSketch(200, 5), new QuantileSketch(64, 99))
                .quantiles(fractions);
        assertArrayEquals(alone, interleaved);
        float[] otherSeed = heavyTailed(new QuantileSketch(200, 6), null).quantiles(fractions);
        assertTrue(!Arrays.equals(alone, otherSeed), "the seed drives the compactions' coin flips");
    }

    @Test
    void rankErrorOfAHeavyTailedDistributionStaysWithinOnePercent() {
        int n = 500_000;
        QuantileSketch s = new QuantileSketch(400, 3);
        SplittableRandom r = new SplittableRandom(8);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = pareto(r);
            s.add(values[i]);
        }
        Arrays.sort(values);
        double worst = 0;
        for (int i = 1; i < 100; i++) {
            double fraction = i / 100.0;
            float q = s.quantiles(fraction)[0];
            int below = lowerBound(values, q);
            int atOrBelow = lowerBound(values, Math.nextUp(q));
            double rank = fraction * n;
            double error = rank < below ? below - rank : rank > atOrBelow ? rank - atOrBelow : 0;
            worst = Math.max(worst, error / n);
        }
        assertTrue(worst < 0.01, "normalised rank error " + worst);
        assertTrue(s.retained() < 4 * 400, "retained " + s.retained());
    }

    @Test
    void skipsNaNsAndAnswersNaNWhenEmpty() {
        QuantileSketch s = new QuantileSketch(8, 1);
        s.add(Float.NaN);
        assertEquals(0, s.count());
        assertArrayEquals(new float[] {Float.NaN, Float.NaN}, s.quantiles(0.1, 0.9));
    }

    @Test
    void rejectsASmallKAndFractionsOutsideZeroToOne() {
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> new QuantileSketch(7, 1));
        assertTrue(k.getMessage().contains("got 7"), k.getMessage());
        QuantileSketch s = new QuantileSketch(8, 1);
        s.add(1);
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> s.quantiles(1.5));
        assertTrue(f.getMessage().contains("[0, 1], got 1.5"), f.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.quantiles(Double.NaN));
    }

    private static QuantileSketch heavyTailed(QuantileSketch sketch, QuantileSketch other) {
        SplittableRandom r = new SplittableRandom(17);
        SplittableRandom o = new SplittableRandom(23);
        for (int i = 0; i < 300_000; i++) {
            sketch.add(pareto(r));
            if (other != null) {
                other.add((float) o.nextDouble());
            }
        }
        return sketch;
    }

    /** Pareto with shape 1.2 (infinite variance). */
    private static float pareto(SplittableRandom r) {
        return (float) Math.pow(1 - r.nextDouble(), -1 / 1.2);
    }

    private static int lowerBound(float[] sorted, float value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
