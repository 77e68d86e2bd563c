package org.estimator4j.estimators.builtin.metric;

import java.util.List;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/** {@code mae}: Keras' {@code MeanAbsoluteError} metric; see {@link MeanError}. */
public final class MaeProvider implements MetricProvider {
    @Override
    public String name() {
        return "mae";
    }

    @Override
    public String description() {
        return "Weighted mean absolute error of the predictions";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Metric create(Parameters parameters) {
        return new MeanError("mae", MeanError.Kind.MAE);
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
