package org.estimator4j.estimators.optimizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras {@code SGD}: plain ({@code w -= lr·g}), or with momentum ({@code v = momentum·v - lr·g; w += v}) and
 * optionally Nesterov's variant ({@code w += momentum·v - lr·g}).
 */
public final class SgdOptimizer implements Optimizer {
    private final double learningRate;
    private final double momentum;
    private final boolean nesterov;

    public SgdOptimizer(double learningRate, double momentum, boolean nesterov) {
        Optimizers.checkPositive("SGD", "learning_rate", learningRate);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("SGD momentum must be in [0, 1), got " + momentum);
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    @Override
    public String name() {
        return "SGD";
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public List<String> slotNames() {
        return momentum == 0 ? List.of() : List.of("momentum");
    }

    @Override
    public float initialSlotValue(int slot) {
        return 0f;
    }

    @Override
    public void apply(float[] values, float[] gradient, float[][] slots, int from, int to, long iteration,
            double learningRateMultiplier) {
        float lr = (float) (learningRate * learningRateMultiplier);
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

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", "sgd");
        c.put("learning_rate", learningRate);
        c.put("momentum", momentum);
        c.put("nesterov", nesterov);
        return c;
    }

    @Override
    public String toString() {
        return "SGD" + config();
    }
}
