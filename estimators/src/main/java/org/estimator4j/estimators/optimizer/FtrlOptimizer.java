package org.estimator4j.estimators.optimizer;

/**
 * FTRL-Proximal (McMahan et al., 2013) with TensorFlow's update rule and defaults ({@code tf.compat.v1.train.Ftrl}):
 * learning_rate_power -0.5, initial_accumulator_value 0.1, l1 and l2 regularization strengths and l2 shrinkage. Each
 * variable keeps two slots beside its weights, the accumulator of squared gradients and the "linear" term; weights
 * are recomputed from them in closed form, which is what makes L1 produce exact zeros. Pure Java over primitive
 * arrays: a sparse update touches only the rows of the ids a batch saw.
 */
public final class FtrlOptimizer {
    private final double learningRate;
    private final double learningRatePower;
    private final double initialAccumulatorValue;
    private final double l1;
    private final double l2;
    private final double l2Shrinkage;

    public FtrlOptimizer(double learningRate, double learningRatePower, double initialAccumulatorValue, double l1,
            double l2, double l2Shrinkage) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("FTRL learning_rate must be > 0, got " + learningRate);
        }
        if (learningRatePower > 0) {
            throw new IllegalArgumentException("FTRL learning_rate_power must be <= 0, got " + learningRatePower);
        }
        if (!(initialAccumulatorValue > 0)) {
            throw new IllegalArgumentException("FTRL initial_accumulator_value must be > 0, got "
                    + initialAccumulatorValue);
        }
        if (l1 < 0 || l2 < 0 || l2Shrinkage < 0) {
            throw new IllegalArgumentException("FTRL l1, l2 and l2_shrinkage must be >= 0, got " + l1 + ", " + l2
                    + ", " + l2Shrinkage);
        }
        this.learningRate = learningRate;
        this.learningRatePower = learningRatePower;
        this.initialAccumulatorValue = initialAccumulatorValue;
        this.l1 = l1;
        this.l2 = l2;
        this.l2Shrinkage = l2Shrinkage;
    }

    /** TensorFlow's defaults with this learning rate (LinearClassifier uses 0.2). */
    public static FtrlOptimizer withLearningRate(double learningRate) {
        return new FtrlOptimizer(learningRate, -0.5, 0.1, 0, 0, 0);
    }

    /** The same optimizer with its learning rate times {@code multiplier} (slots and state are the caller's). */
    public FtrlOptimizer scaledBy(double multiplier) {
        return multiplier == 1 ? this : new FtrlOptimizer(learningRate * multiplier, learningRatePower,
                initialAccumulatorValue, l1, l2, l2Shrinkage);
    }

    public double learningRate() {
        return learningRate;
    }

    public double initialAccumulatorValue() {
        return initialAccumulatorValue;
    }

    /** Offsets of an entry's values in an interleaved slot array: weight, accumulator, linear. */
    public static final int WEIGHT = 0;
    public static final int ACCUMULATOR = 1;
    public static final int LINEAR = 2;

    /**
     * A slot array for {@code size} entries of {@code stride} floats each (stride ≥ 3): weight 0, accumulator
     * initial_accumulator_value, linear 0, and the rest for the caller. Keeping an entry's values side by side puts a
     * sparse update in one cache line, however large the variable.
     */
    public float[] newSlots(int size, int stride) {
        if (stride < 3) {
            throw new IllegalArgumentException("stride must be >= 3, got " + stride);
        }
        float[] s = new float[size * stride];
        for (int i = 0; i < size; i++) {
            s[i * stride + ACCUMULATOR] = (float) initialAccumulatorValue;
        }
        return s;
    }

    /**
     * Applies gradient {@code g} to the entry at {@code base} of an interleaved slot array (weight, accumulator,
     * linear): TensorFlow's ApplyFtrlV2 for one element.
     */
    public void apply(float[] slots, int base, float g) {
        double w = slots[base + WEIGHT];
        double accum = slots[base + ACCUMULATOR];
        double gradWithShrinkage = g + 2 * l2Shrinkage * w;
        double accumNew = accum + (double) g * g;
        double sigma;
        double quadratic;
        if (learningRatePower == -0.5) {
            double sqrtNew = Math.sqrt(accumNew);
            sigma = (sqrtNew - Math.sqrt(accum)) / learningRate;
            quadratic = sqrtNew / learningRate + 2 * l2;
        } else {
            double powNew = Math.pow(accumNew, -learningRatePower);
            sigma = (powNew - Math.pow(accum, -learningRatePower)) / learningRate;
            quadratic = powNew / learningRate + 2 * l2;
        }
        double lin = slots[base + LINEAR] + gradWithShrinkage - sigma * w;
        slots[base + LINEAR] = (float) lin;
        slots[base + ACCUMULATOR] = (float) accumNew;
        slots[base + WEIGHT] = Math.abs(lin) > l1 ? (float) ((Math.signum(lin) * l1 - lin) / quadratic) : 0f;
    }

    @Override
    public String toString() {
        return "Ftrl(learning_rate=" + learningRate + ", learning_rate_power=" + learningRatePower
                + ", initial_accumulator_value=" + initialAccumulatorValue + ", l1=" + l1 + ", l2=" + l2
                + ", l2_shrinkage=" + l2Shrinkage + ")";
    }
}
