package org.estimator4j.estimators.builtin.metric;

import java.util.List;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/** {@code rmse}: Keras' {@code RootMeanSquaredError}; see {@link MeanError}. */
public final class RmseProvider implements MetricProvider {
    @Override
    public String name() {
        return "rmse";
    }

    @Override
    public String description() {
        return "Square root of the weighted mean squared error of the predictions";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Metric create(Parameters parameters) {
        return new MeanError("rmse", MeanError.Kind.RMSE);
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
