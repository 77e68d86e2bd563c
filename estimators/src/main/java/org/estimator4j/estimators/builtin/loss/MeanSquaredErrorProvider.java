package org.estimator4j.estimators.builtin.loss;

import java.util.List;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;

/**
 * {@code mean_squared_error}: {@code (prediction - label)²}, as Keras' {@code MeanSquaredError} and the regression
 * head's own loss. The prediction is the logit (a regressor has no inverse link).
 */
public final class MeanSquaredErrorProvider implements LossProvider {
    @Override
    public String name() {
        return "mean_squared_error";
    }

    @Override
    public String description() {
        return "Squared error of each prediction (the logit) against its label, as Keras' MeanSquaredError";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
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

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
