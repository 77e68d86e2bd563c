package org.estimator4j.bench.workloads;

/**
 * An optimizer and its hyperparameters as both sides configure it (Keras' formulas and defaults, which Estimator4J
 * and TensorFlow's canned estimators share).
 *
 * @param initialAccumulator Adagrad's and FTRL's starting accumulator value
 * @param epsilon Adam's and Adagrad's epsilon
 */
public record OptimizerSpec(
        String name,
        double learningRate,
        double beta1,
        double beta2,
        double epsilon,
        double initialAccumulator,
        double learningRatePower) {

    public static OptimizerSpec adam(double learningRate) {
        return new OptimizerSpec("adam", learningRate, 0.9, 0.999, 1e-7, 0, 0);
    }

    public static OptimizerSpec adagrad(double learningRate) {
        return new OptimizerSpec("adagrad", learningRate, 0, 0, 1e-7, 0.1, 0);
    }

    /** FTRL without L1 / L2 shrinkage, learning-rate power -0.5. */
    public static OptimizerSpec ftrl(double learningRate) {
        return new OptimizerSpec("ftrl", learningRate, 0, 0, 0, 0.1, -0.5);
    }
}
