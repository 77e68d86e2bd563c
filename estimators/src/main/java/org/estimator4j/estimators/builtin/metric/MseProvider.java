package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/** {@code mse}: Keras' {@code MeanSquaredError} metric; see {@link MeanError}. */
public final class MseProvider extends BuiltinProvider<Metric> implements MetricProvider {
    public MseProvider() {
        super("mse", "Weighted mean squared error of the predictions (the Brier score for a binary classifier)");
    }

    @Override
    public Metric create(Parameters parameters) {
        return new MeanError("mse", MeanError.Kind.MSE);
    }
}
