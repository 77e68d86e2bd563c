package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/** {@code r2}: see {@link R2}. */
public final class R2Provider extends BuiltinProvider<Metric> implements MetricProvider {
    public R2Provider() {
        super("r2", "Weighted coefficient of determination of a regressor, averaged over its outputs");
    }

    @Override
    public Metric create(Parameters parameters) {
        return new R2();
    }
}
