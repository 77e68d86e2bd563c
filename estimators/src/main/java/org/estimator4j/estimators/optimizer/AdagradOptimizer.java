package org.estimator4j.estimators.optimizer;

import java.util.List;

/**
 * Keras {@code Adagrad}: {@code acc += g²; w -= lr · g / (sqrt(acc) + epsilon)}, accumulator starting at 0.1. The DNN
 * estimators' default, at learning rate 0.05 (0.001 for the DNN part of wide and deep), as in TensorFlow.
 */
public final class AdagradOptimizer extends KerasOptimizer {
    private final double initialAccumulatorValue;
    private final double epsilon;

    public AdagradOptimizer(double learningRate, double initialAccumulatorValue, double epsilon) {
        super(
                "Adagrad",
                learningRate,
                List.of("Adagrad"),
                "initial_accumulator_value",
                initialAccumulatorValue,
                "epsilon",
                epsilon);
        if (!(initialAccumulatorValue >= 0)) {
            throw new IllegalArgumentException(
                    "Adagrad initial_accumulator_value must be >= 0, got " + initialAccumulatorValue);
        }
        Optimizers.checkPositive("Adagrad", "epsilon", epsilon);
        this.initialAccumulatorValue = initialAccumulatorValue;
        this.epsilon = epsilon;
    }

    /** Keras's defaults (initial accumulator 0.1, epsilon 1e-7) with this learning rate. */
    public static AdagradOptimizer withLearningRate(double learningRate) {
        return new AdagradOptimizer(learningRate, 0.1, 1e-7);
    }

    @Override
    public float initialSlotValue(int slot) {
        return (float) initialAccumulatorValue;
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
        float[] acc = slots[0];
        float lr = (float) (learningRate() * learningRateMultiplier);
        float eps = (float) epsilon;
        for (int i = from; i < to; i++) {
            float g = gradient[i];
            float a = acc[i] + g * g;
            acc[i] = a;
            values[i] -= lr * g / ((float) Math.sqrt(a) + eps);
        }
    }
}
