package org.estimator4j.estimators.builtin.loss;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;

/**
 * {@code poisson}: the Poisson negative log-likelihood of a count label, with the logit as the <em>log</em> of the
 * rate: {@code exp(x) - y x}, TensorFlow's {@code log_poisson_loss(log_input=x)} without the constant Stirling term
 * ({@code compute_full_loss=False}, which does not change the gradient). Keras' {@code Poisson} takes the rate itself,
 * {@code rate - y log(rate + 1e-7)}; with {@code rate = exp(x)} the two agree up to that epsilon. A regressor trained
 * with it predicts the log of the rate: take {@code exp} of its predictions for the expected count.
 *
 * <p>Beyond a log-rate of {@value #MAX_LOG_RATE} (a rate of about 1e13) {@code exp(x)} continues as its tangent,
 * {@code exp(c) (1 + x - c)}: {@code exp(x)} alone overflows a float from x ≈ 89 and a double from x ≈ 710, and an
 * infinite loss or gradient turns every weight NaN at the next step, whereas the tangent keeps the loss convex, its
 * gradient continuous ({@code exp(c) - y}) and both finite for any logit a diverging model produces. Counts above
 * 1e13 need rescaling.
 */
public final class PoissonProvider extends BuiltinProvider<Loss> implements LossProvider {
    public PoissonProvider() {
        super(
                "poisson",
                "Poisson negative log-likelihood with the logit as the log of the rate (TensorFlow's "
                        + "log_poisson_loss)");
    }

    /** Where {@code exp} of the log-rate continues linearly; see the class documentation. */
    static final double MAX_LOG_RATE = 30;

    private static final double MAX_RATE = Math.exp(MAX_LOG_RATE);

    @Override
    public Loss create(Parameters parameters) {
        return new ElementwiseLoss() {
            @Override
            double loss(double prediction, double label) {
                return rate(prediction) - label * prediction;
            }

            @Override
            double derivative(double prediction, double label) {
                return (prediction <= MAX_LOG_RATE ? Math.exp(prediction) : MAX_RATE) - label;
            }
        };
    }

    /** {@code exp(x)}, continued as its tangent beyond {@link #MAX_LOG_RATE}. */
    private static double rate(double logRate) {
        return logRate <= MAX_LOG_RATE ? Math.exp(logRate) : MAX_RATE * (1 + (logRate - MAX_LOG_RATE));
    }
}
