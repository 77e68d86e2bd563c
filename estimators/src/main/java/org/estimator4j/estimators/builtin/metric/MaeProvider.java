package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/** {@code mae}: Keras' {@code MeanAbsoluteError} metric; see {@link MeanError}. */
public final class MaeProvider extends BuiltinProvider<Metric> implements MetricProvider {
    public MaeProvider() {
        super("mae", "Weighted mean absolute error of the predictions");
    }

    @Override
    public Metric create(Parameters parameters) {
        return new MeanError("mae", MeanError.Kind.MAE);
    }
}
