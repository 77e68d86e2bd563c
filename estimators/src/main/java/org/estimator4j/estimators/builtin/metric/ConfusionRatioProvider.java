package org.estimator4j.estimators.builtin.metric;

import java.util.List;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/**
 * A ratio of a binary classifier's weighted confusion counts at a probability threshold (precision, recall, F1): one
 * provider each, as ServiceLoader needs a class per name, differing only in name, description and ratio.
 */
abstract class ConfusionRatioProvider implements MetricProvider {
    private final String name;
    private final String description;
    private final Confusion.Ratio ratio;

    ConfusionRatioProvider(String name, String description, Confusion.Ratio ratio) {
        this.name = name;
        this.description = description;
        this.ratio = ratio;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ProbabilityThreshold.SPEC);
    }

    @Override
    public Metric create(Parameters parameters) {
        double threshold = ProbabilityThreshold.read(name, parameters);
        return new Confusion(name, ratio, threshold);
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
