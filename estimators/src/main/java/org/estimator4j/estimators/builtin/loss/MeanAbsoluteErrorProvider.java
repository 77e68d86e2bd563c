package org.estimator4j.estimators.builtin.loss;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;

/**
 * {@code mean_absolute_error}: {@code |prediction - label|}, as Keras' {@code MeanAbsoluteError}; robust to outlying
 * labels. Its gradient is the sign of the error (0 where the prediction is exact, the subgradient TensorFlow uses).
 */
public final class MeanAbsoluteErrorProvider extends BuiltinProvider<Loss> implements LossProvider {
    public MeanAbsoluteErrorProvider() {
        super(
                "mean_absolute_error",
                "Absolute error of each prediction (the logit) against its label, as Keras' MeanAbsoluteError");
    }

    @Override
    public Loss create(Parameters parameters) {
        return new ElementwiseLoss() {
            @Override
            double loss(double prediction, double label) {
                return Math.abs(prediction - label);
            }

            @Override
            double derivative(double prediction, double label) {
                return Math.signum(prediction - label);
            }
        };
    }
}
