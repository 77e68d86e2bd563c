package org.estimator4j.estimators.builtin.loss;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;

/**
 * {@code mean_squared_error}: {@code (prediction - label)²}, as Keras' {@code MeanSquaredError} and the regression
 * head's own loss. The prediction is the logit (a regressor has no inverse link).
 */
public final class MeanSquaredErrorProvider extends BuiltinProvider<Loss> implements LossProvider {
    public MeanSquaredErrorProvider() {
        super(
                "mean_squared_error",
                "Squared error of each prediction (the logit) against its label, as Keras' MeanSquaredError");
    }

    @Override
    public Loss create(Parameters parameters) {
        return new ElementwiseLoss() {
            @Override
            double loss(double prediction, double label) {
                double e = prediction - label;
                return e * e;
            }

            @Override
            double derivative(double prediction, double label) {
                return 2 * (prediction - label);
            }
        };
    }
}
