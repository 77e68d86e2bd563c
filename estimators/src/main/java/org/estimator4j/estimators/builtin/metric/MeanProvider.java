package org.estimator4j.estimators.builtin.metric;

import java.util.List;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/** {@code mean}: see {@link MeanPrediction}. */
public final class MeanProvider implements MetricProvider {
    @Override
    public String name() {
        return "mean";
    }

    @Override
    public String description() {
        return "Weighted mean of the predictions";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Metric create(Parameters parameters) {
        return new MeanPrediction();
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
