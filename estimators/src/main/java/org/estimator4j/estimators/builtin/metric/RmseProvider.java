package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/** {@code rmse}: Keras' {@code RootMeanSquaredError}; see {@link MeanError}. */
public final class RmseProvider extends BuiltinProvider<Metric> implements MetricProvider {
    public RmseProvider() {
        super("rmse", "Square root of the weighted mean squared error of the predictions");
    }

    @Override
    public Metric create(Parameters parameters) {
        return new MeanError("rmse", MeanError.Kind.RMSE);
    }
}
