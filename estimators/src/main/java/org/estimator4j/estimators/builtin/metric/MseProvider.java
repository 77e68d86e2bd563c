package org.estimator4j.estimators.builtin.metric;

import java.util.List;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/** {@code mse}: Keras' {@code MeanSquaredError} metric; see {@link MeanError}. */
public final class MseProvider implements MetricProvider {
    @Override
    public String name() {
        return "mse";
    }

    @Override
    public String description() {
        return "Weighted mean squared error of the predictions (the Brier score for a binary classifier)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Metric create(Parameters parameters) {
        return new MeanError("mse", MeanError.Kind.MSE);
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
