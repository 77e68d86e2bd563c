package org.estimator4j.estimators.optimizer;

import java.util.List;

/**
 * Keras {@code RMSprop} without momentum or centering: {@code ms = ρ·ms + (1-ρ)·g²; w -= lr·g / (sqrt(ms) + epsilon)},
 * defaults lr 0.001, ρ 0.9, epsilon 1e-7.
 */
public final class RmsPropOptimizer extends KerasOptimizer {
    private final double rho;
    private final double epsilon;

    public RmsPropOptimizer(double learningRate, double rho, double epsilon) {
        super("RMSprop", learningRate, List.of("RMSprop"), "rho", rho, "epsilon", epsilon);
        checkFraction("RMSprop", "rho", rho);
        Optimizers.checkPositive("RMSprop", "epsilon", epsilon);
        this.rho = rho;
        this.epsilon = epsilon;
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
        float[] ms = slots[0];
        float lr = (float) (learningRate() * learningRateMultiplier);
        float r = (float) rho;
        float c = 1 - r;
        float eps = (float) epsilon;
        for (int i = from; i < to; i++) {
            float g = gradient[i];
            float s = r * ms[i] + c * g * g;
            ms[i] = s;
            values[i] -= lr * g / ((float) Math.sqrt(s) + eps);
        }
    }
}
