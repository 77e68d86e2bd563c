package org.estimator4j.estimators.builtin.metric;

import java.util.List;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/** {@code r2}: see {@link R2}. */
public final class R2Provider implements MetricProvider {
    @Override
    public String name() {
        return "r2";
    }

    @Override
    public String description() {
        return "Weighted coefficient of determination of a regressor, averaged over its outputs";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Metric create(Parameters parameters) {
        return new R2();
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
