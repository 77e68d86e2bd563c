package org.estimator4j.estimators.builtin.metric;

import java.util.List;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/** {@code log_loss}: see {@link LogLoss}. */
public final class LogLossProvider implements MetricProvider {
    @Override
    public String name() {
        return "log_loss";
    }

    @Override
    public String description() {
        return "Weighted mean cross-entropy of the predicted probabilities (binary or multi-class)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Metric create(Parameters parameters) {
        return new LogLoss();
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
