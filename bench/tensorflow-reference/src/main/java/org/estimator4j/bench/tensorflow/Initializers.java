package org.estimator4j.bench.tensorflow;

import java.util.SplittableRandom;

/**
 * Initial values drawn as Keras draws them (the distributions Estimator4J uses too), seeded so runs repeat.
 */
final class Initializers {
    private Initializers() {}

    /** Glorot uniform: U(-limit, limit), limit = sqrt(6 / (fanIn + fanOut)), row-major [fanIn, fanOut]. */
    static float[] glorotUniform(int fanIn, int fanOut, SplittableRandom random) {
        float[] values = new float[fanIn * fanOut];
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        return values;
    }

    /** Truncated normal: N(0, stddev) redrawn outside two standard deviations (embedding columns' default). */
    static float[] truncatedNormal(int count, double stddev, SplittableRandom random) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            double x;
            do {
                x = random.nextGaussian();
            } while (Math.abs(x) > 2);
            values[i] = (float) (x * stddev);
        }
        return values;
    }
}
