package org.estimator4j.estimators.builtin.metric;

import java.util.List;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/** {@code ks}: see {@link KolmogorovSmirnov}. */
public final class KsProvider implements MetricProvider {
    @Override
    public String name() {
        return "ks";
    }

    @Override
    public String description() {
        return "Kolmogorov-Smirnov statistic of a binary classifier: max |TPR - FPR| over all thresholds, exact";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Metric create(Parameters parameters) {
        return new KolmogorovSmirnov();
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
