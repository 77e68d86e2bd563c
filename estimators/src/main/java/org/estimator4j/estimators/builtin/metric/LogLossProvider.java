package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/** {@code log_loss}: see {@link LogLoss}. */
public final class LogLossProvider extends BuiltinProvider<Metric> implements MetricProvider {
    public LogLossProvider() {
        super("log_loss", "Weighted mean cross-entropy of the predicted probabilities (binary or multi-class)");
    }

    @Override
    public Metric create(Parameters parameters) {
        return new LogLoss();
    }
}
