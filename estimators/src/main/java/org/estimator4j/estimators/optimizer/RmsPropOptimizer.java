package org.estimator4j.estimators.optimizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras {@code RMSprop} without momentum or centering: {@code ms = ρ·ms + (1-ρ)·g²; w -= lr·g / (sqrt(ms) + epsilon)},
 * defaults lr 0.001, ρ 0.9, epsilon 1e-7.
 */
public final class RmsPropOptimizer implements Optimizer {
    private final double learningRate;
    private final double rho;
    private final double epsilon;

    public RmsPropOptimizer(double learningRate, double rho, double epsilon) {
        Optimizers.checkPositive("RMSprop", "learning_rate", learningRate);
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("RMSprop rho must be in [0, 1), got " + rho);
        }
        Optimizers.checkPositive("RMSprop", "epsilon", epsilon);
        this.learningRate = learningRate;
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override
    public String name() {
        return "RMSprop";
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public List<String> slotNames() {
        return List.of("RMSprop");
    }

    @Override
    public float initialSlotValue(int slot) {
        return 0f;
    }

    @Override
    public void apply(float[] values, float[] gradient, float[][] slots, int from, int to, long iteration,
            double learningRateMultiplier) {
        float[] ms = slots[0];
        float lr = (float) (learningRate * learningRateMultiplier);
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

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", "rmsprop");
        c.put("learning_rate", learningRate);
        c.put("rho", rho);
        c.put("epsilon", epsilon);
        return c;
    }

    @Override
    public String toString() {
        return "RMSprop" + config();
    }
}
