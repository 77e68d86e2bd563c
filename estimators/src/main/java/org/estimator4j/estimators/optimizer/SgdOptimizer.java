package org.estimator4j.estimators.optimizer;

import java.util.List;

/**
 * Keras {@code SGD}: plain ({@code w -= lr·g}), or with momentum ({@code v = momentum·v - lr·g; w += v}) and
 * optionally Nesterov's variant ({@code w += momentum·v - lr·g}).
 */
public final class SgdOptimizer extends KerasOptimizer {
    private final double momentum;
    private final boolean nesterov;

    public SgdOptimizer(double learningRate, double momentum, boolean nesterov) {
        super(
                "SGD",
                learningRate,
                momentum == 0 ? List.of() : List.of("momentum"),
                "momentum",
                momentum,
                "nesterov",
                nesterov);
        checkFraction("SGD", "momentum", momentum);
        this.momentum = momentum;
        this.nesterov = nesterov;
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
        float lr = (float) (learningRate() * learningRateMultiplier);
        if (momentum == 0) {
            for (int i = from; i < to; i++) {
                values[i] -= lr * gradient[i];
            }
            return;
        }
        float[] velocity = slots[0];
        float mu = (float) momentum;
        for (int i = from; i < to; i++) {
            float v = mu * velocity[i] - lr * gradient[i];
            velocity[i] = v;
            values[i] += nesterov ? mu * v - lr * gradient[i] : v;
        }
    }
}
