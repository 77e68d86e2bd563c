package org.estimator4j.estimators.builtin.loss;

import java.util.List;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;

/**
 * {@code poisson}: the Poisson negative log-likelihood of a count label, with the logit as the <em>log</em> of the
 * rate: {@code exp(x) - y x}, TensorFlow's {@code log_poisson_loss(log_input=x)} without the constant Stirling term
 * ({@code compute_full_loss=False}, which does not change the gradient). Keras' {@code Poisson} takes the rate itself,
 * {@code rate - y log(rate + 1e-7)}; with {@code rate = exp(x)} the two agree up to that epsilon. A regressor trained
 * with it predicts the log of the rate: take {@code exp} of its predictions for the expected count.
 */
public final class PoissonProvider implements LossProvider {
    @Override
    public String name() {
        return "poisson";
    }

    @Override
    public String description() {
        return "Poisson negative log-likelihood with the logit as the log of the rate (TensorFlow's log_poisson_loss)";
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
                return Math.exp(prediction) - label * prediction;
            }

            @Override
            double derivative(double prediction, double label) {
                return Math.exp(prediction) - label;
            }
        };
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
