package org.estimator4j.estimators.optimizer;

import java.util.List;

/**
 * Keras {@code Adam}: {@code m = β1·m + (1-β1)·g; v = β2·v + (1-β2)·g²;
 * w -= lr·sqrt(1-β2^t)/(1-β1^t) · m / (sqrt(v) + epsilon)}, defaults lr 0.001, β1 0.9, β2 0.999, epsilon 1e-7.
 */
public final class AdamOptimizer extends KerasOptimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    public AdamOptimizer(double learningRate, double beta1, double beta2, double epsilon) {
        super("Adam", learningRate, List.of("Adam_m", "Adam_v"), "beta_1", beta1, "beta_2", beta2, "epsilon", epsilon);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam beta_1 and beta_2 must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        Optimizers.checkPositive("Adam", "epsilon", epsilon);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    public static AdamOptimizer withLearningRate(double learningRate) {
        return new AdamOptimizer(learningRate, 0.9, 0.999, 1e-7);
    }

    @Override
    public void apply(
            float[] values,
            float[] gradient,
            float[][] slots,
            int from,
            int to,
            long iteration,
            double learningRateMultiplier) {
        float[] m = slots[0];
        float[] v = slots[1];
        float lr = (float) (learningRate()
                * learningRateMultiplier
                * Math.sqrt(1 - Math.pow(beta2, iteration))
                / (1 - Math.pow(beta1, iteration)));
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float c1 = 1 - b1;
        float c2 = 1 - b2;
        float eps = (float) epsilon;
        for (int i = from; i < to; i++) {
            float g = gradient[i];
            float mi = b1 * m[i] + c1 * g;
            float vi = b2 * v[i] + c2 * g * g;
            m[i] = mi;
            v[i] = vi;
            values[i] -= lr * mi / ((float) Math.sqrt(vi) + eps);
        }
    }
}
