package org.estimator4j.estimators.builtin.loss;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;

/**
 * {@code log_cosh}: {@code log(cosh(prediction - label))}, as Keras' {@code LogCosh}: about {@code e² / 2} for small
 * errors and {@code |e| - log 2} for large ones, with a smooth gradient {@code tanh(e)}.
 */
public final class LogCoshProvider extends BuiltinProvider<Loss> implements LossProvider {
    private static final double LOG_2 = Math.log(2);

    public LogCoshProvider() {
        super(
                "log_cosh",
                "Logarithm of the hyperbolic cosine of the error, as Keras' LogCosh: squared error near 0, absolute "
                        + "error far out");
    }

    @Override
    public Loss create(Parameters parameters) {
        return new ElementwiseLoss() {
            @Override
            double loss(double prediction, double label) {
                double e = prediction - label;
                // log(cosh(e)) = e + softplus(-2e) - log(2): no overflow of cosh for large |e|.
                return e + Losses.softplus(-2 * e) - LOG_2;
            }

            @Override
            double derivative(double prediction, double label) {
                return Math.tanh(prediction - label);
            }
        };
    }
}
