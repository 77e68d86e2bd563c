package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/** {@code mean}: see {@link MeanPrediction}. */
public final class MeanProvider extends BuiltinProvider<Metric> implements MetricProvider {
    public MeanProvider() {
        super("mean", "Weighted mean of the predictions");
    }

    @Override
    public Metric create(Parameters parameters) {
        return new MeanPrediction();
    }
}
