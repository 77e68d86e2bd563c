package org.estimator4j.estimators.builtin.loss;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;

/**
 * {@code huber}: {@code e² / 2} where {@code |e| <= delta}, {@code delta |e| - delta² / 2} beyond, with {@code e} the
 * error of the prediction (the logit), as Keras' {@code Huber} (default {@code delta} 1.0).
 */
public final class HuberProvider extends BuiltinProvider<Loss> implements LossProvider {
    public HuberProvider() {
        super(
                "huber",
                "Huber loss, as Keras' Huber: squared error within delta of the label, linear beyond",
                ParameterSpec.optional(
                        "delta", ParameterType.DOUBLE, 1.0, "where the loss changes from quadratic to linear (> 0)"));
    }

    @Override
    public Loss create(Parameters parameters) {
        double delta = parameters.getDouble("delta");
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("huber: delta must be a positive number, got " + delta);
        }
        return new ElementwiseLoss() {
            @Override
            double loss(double prediction, double label) {
                double a = Math.abs(prediction - label);
                return a <= delta ? 0.5 * a * a : delta * a - 0.5 * delta * delta;
            }

            @Override
            double derivative(double prediction, double label) {
                double e = prediction - label;
                return Math.abs(e) <= delta ? e : delta * Math.signum(e);
            }
        };
    }
}
