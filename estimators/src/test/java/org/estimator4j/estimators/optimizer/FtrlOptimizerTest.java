package org.estimator4j.estimators.optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** TensorFlow's own FTRL tests (tensorflow/python/training/ftrl_test.py), reproduced. */
class FtrlOptimizerTest {
    private static float[] run(FtrlOptimizer ftrl, float[] var, float[] grads, int steps) {
        float[] slots = ftrl.newSlots(var.length, 3);
        for (int i = 0; i < var.length; i++) {
            slots[3 * i + FtrlOptimizer.WEIGHT] = var[i];
        }
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < var.length; i++) {
                ftrl.apply(slots, 3 * i, grads[i]);
            }
        }
        float[] out = new float[var.length];
        for (int i = 0; i < var.length; i++) {
            out[i] = slots[3 * i + FtrlOptimizer.WEIGHT];
        }
        return out;
    }

    @Test
    void withoutRegularizationMatchesTensorFlow() {
        // FtrlOptimizerTest.testFtrlwithoutRegularization: lr 3.0, initial accumulator 0.1, 3 steps.
        FtrlOptimizer ftrl = new FtrlOptimizer(3.0, -0.5, 0.1, 0, 0, 0);
        assertArrayEquals(
                new float[] {-2.60260963f, -4.29698515f},
                run(ftrl, new float[] {0, 0}, new float[] {0.1f, 0.2f}, 3),
                1e-5f);
        assertArrayEquals(
                new float[] {-0.28432083f, -0.56694895f},
                run(ftrl, new float[] {0, 0}, new float[] {0.01f, 0.02f}, 3),
                1e-5f);
    }

    @Test
    void withL1AndL2MatchesTensorFlow() {
        // FtrlOptimizerTest.testFtrlWithL1_L2: l1 0.001, l2 2.0, 10 steps from [1, 2] and [4, 3].
        FtrlOptimizer ftrl = new FtrlOptimizer(3.0, -0.5, 0.1, 0.001, 2.0, 0);
        assertArrayEquals(
                new float[] {-0.24059935f, -0.46829352f},
                run(ftrl, new float[] {1, 2}, new float[] {0.1f, 0.2f}, 10),
                1e-5f);
        assertArrayEquals(
                new float[] {-0.02406147f, -0.04830509f},
                run(ftrl, new float[] {4, 3}, new float[] {0.01f, 0.02f}, 10),
                1e-5f);
    }

    @Test
    void strongL1GivesExactZeros() {
        FtrlOptimizer ftrl = new FtrlOptimizer(0.1, -0.5, 0.1, 10, 0, 0);
        assertArrayEquals(new float[] {0f, 0f}, run(ftrl, new float[] {0, 0}, new float[] {0.1f, -0.2f}, 5));
    }

    @Test
    void aGeneralLearningRatePowerAgreesWithTheSquareRootFastPath() {
        float[] fast = run(
                new FtrlOptimizer(0.5, -0.5, 0.1, 0.01, 0.1, 0), new float[] {0.3f, -1}, new float[] {0.2f, -0.1f}, 7);
        float[] general = run(
                new FtrlOptimizer(0.5, -0.5000001, 0.1, 0.01, 0.1, 0),
                new float[] {0.3f, -1},
                new float[] {0.2f, -0.1f},
                7);
        assertArrayEquals(fast, general, 1e-4f);
    }

    @Test
    void applyingManyEntriesAtOnceEqualsApplyingEachBitForBit() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        FtrlOptimizer[] optimizers = {
            new FtrlOptimizer(0.2, -0.5, 0.1, 0, 0, 0),
            new FtrlOptimizer(0.005, -0.5, 0.1, 0, 0, 0),
            new FtrlOptimizer(3.0, -0.5, 0.1, 0.001, 2.0, 0.1),
            new FtrlOptimizer(0.1, -0.5, 0.1, 10, 0, 0),
            new FtrlOptimizer(0.5, -0.6, 0.2, 0.01, 0.1, 0)
        };
        FtrlOptimizer.Work work = new FtrlOptimizer.Work();
        for (FtrlOptimizer ftrl : optimizers) {
            int size = 300;
            float[] one = ftrl.newSlots(size, 4);
            float[] all = ftrl.newSlots(size, 4);
            for (int step = 0; step < 30; step++) {
                // Some entries per step, in no particular order, with gradients of every size and sign (and zero).
                int count = random.nextInt(size / 2);
                int[] bases = random.ints(0, size)
                        .distinct()
                        .limit(count)
                        .map(i -> i * 4)
                        .toArray();
                for (int base : bases) {
                    float g = random.nextInt(10) == 0
                            ? 0f
                            : (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-4, 3)));
                    all[base + 3] = g;
                    ftrl.apply(one, base, g);
                    one[base + 3] = Float.NaN;
                }
                ftrl.applyAll(all, bases, bases.length, 3, work);
                assertArrayEquals(one, all, ftrl + " step " + step);
            }
        }
    }

    @Test
    void rejectsInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> new FtrlOptimizer(0, -0.5, 0.1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FtrlOptimizer(1, 0.5, 0.1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FtrlOptimizer(1, -0.5, 0, 0, 0, 0));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new FtrlOptimizer(1, -0.5, 0.1, -1, 0, 0));
        assertEquals(true, e.getMessage().contains("l1"));
    }
}
