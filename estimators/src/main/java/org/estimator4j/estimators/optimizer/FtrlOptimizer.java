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

    public FtrlOptimizer(
            double learningRate,
            double learningRatePower,
            double initialAccumulatorValue,
            double l1,
            double l2,
            double l2Shrinkage) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("FTRL learning_rate must be > 0, got " + learningRate);
        }
        if (learningRatePower > 0) {
            throw new IllegalArgumentException("FTRL learning_rate_power must be <= 0, got " + learningRatePower);
        }
        if (!(initialAccumulatorValue > 0)) {
            throw new IllegalArgumentException(
                    "FTRL initial_accumulator_value must be > 0, got " + initialAccumulatorValue);
        }
        if (l1 < 0 || l2 < 0 || l2Shrinkage < 0) {
            throw new IllegalArgumentException(
                    "FTRL l1, l2 and l2_shrinkage must be >= 0, got " + l1 + ", " + l2 + ", " + l2Shrinkage);
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
        return multiplier == 1
                ? this
                : new FtrlOptimizer(
                        learningRate * multiplier, learningRatePower, initialAccumulatorValue, l1, l2, l2Shrinkage);
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

    /**
     * Applies one step to {@code count} entries of an interleaved slot array at once: entry t's values start at
     * {@code bases[t]} and its gradient is at {@code bases[t] + gradientOffset}, which is then set to NaN (the
     * caller's "untouched" mark). The same arithmetic as {@link #apply} in the same order, so the results are equal
     * bit for bit; with learning_rate_power -0.5 the square roots and divisions run over contiguous arrays, where the
     * JIT can use vector instructions (the scalar form is bound by the divider: two square roots and three
     * divisions per entry).
     */
    public void applyAll(float[] slots, int[] bases, int count, int gradientOffset, Work work) {
        if (learningRatePower != -0.5) {
            for (int t = 0; t < count; t++) {
                int base = bases[t];
                apply(slots, base, slots[base + gradientOffset]);
                slots[base + gradientOffset] = Float.NaN;
            }
            return;
        }
        work.ensure(count);
        double[] g = work.g;
        double[] w = work.w;
        double[] acc = work.acc;
        double[] lin = work.lin;
        for (int t = 0; t < count; t++) {
            int base = bases[t];
            g[t] = slots[base + gradientOffset];
            w[t] = slots[base + WEIGHT];
            acc[t] = slots[base + ACCUMULATOR];
            lin[t] = slots[base + LINEAR];
            slots[base + gradientOffset] = Float.NaN;
        }
        boolean noL1 = l1 == 0;
        if (noL1) {
            squareRootStep(g, w, acc, lin, count, true);
        } else {
            squareRootStep(g, w, acc, lin, count, false);
        }
        for (int t = 0; t < count; t++) {
            int base = bases[t];
            double l = lin[t];
            slots[base + LINEAR] = (float) l;
            slots[base + ACCUMULATOR] = (float) acc[t];
            if (noL1) {
                slots[base + WEIGHT] = Math.abs(l) > 0 ? (float) w[t] : 0f;
            } else {
                slots[base + WEIGHT] = Math.abs(l) > l1 ? (float) ((Math.signum(l) * l1 - l) / w[t]) : 0f;
            }
        }
    }

    /**
     * The arithmetic of {@link #apply} over arrays (learning_rate_power -0.5): leaves the new linear and accumulator
     * values in {@code lin} and {@code acc}, and in {@code w} the new weight when {@code noL1} (for which
     * {@code signum(l) * 0 - l} is {@code -l} wherever the weight is not forced to 0), else the quadratic term.
     */
    private void squareRootStep(double[] g, double[] w, double[] acc, double[] lin, int count, boolean noL1) {
        double lr = learningRate;
        double twoShrinkage = 2 * l2Shrinkage;
        double twoL2 = 2 * l2;
        for (int t = 0; t < count; t++) {
            double gt = g[t];
            double wt = w[t];
            double accum = acc[t];
            double gradWithShrinkage = gt + twoShrinkage * wt;
            double accumNew = accum + gt * gt;
            double sqrtNew = Math.sqrt(accumNew);
            double sigma = (sqrtNew - Math.sqrt(accum)) / lr;
            double quadratic = sqrtNew / lr + twoL2;
            double l = lin[t] + gradWithShrinkage - sigma * wt;
            lin[t] = l;
            acc[t] = accumNew;
            w[t] = noL1 ? -l / quadratic : quadratic;
        }
    }

    /** Scratch arrays for {@link #applyAll}, owned by one training thread. */
    public static final class Work {
        double[] g = new double[0];
        double[] w = g;
        double[] acc = g;
        double[] lin = g;

        void ensure(int count) {
            if (g.length < count) {
                int size = Math.max(count, 2 * g.length);
                g = new double[size];
                w = new double[size];
                acc = new double[size];
                lin = new double[size];
            }
        }
    }

    @Override
    public String toString() {
        return "Ftrl(learning_rate=" + learningRate + ", learning_rate_power=" + learningRatePower
                + ", initial_accumulator_value=" + initialAccumulatorValue + ", l1=" + l1 + ", l2=" + l2
                + ", l2_shrinkage=" + l2Shrinkage + ")";
    }
}
