package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/** {@code ks}: see {@link KolmogorovSmirnov}. */
public final class KsProvider extends BuiltinProvider<Metric> implements MetricProvider {
    public KsProvider() {
        super("ks", "Kolmogorov-Smirnov statistic of a binary classifier: max |TPR - FPR| over all thresholds, exact");
    }

    @Override
    public Metric create(Parameters parameters) {
        return new KolmogorovSmirnov();
    }
}
