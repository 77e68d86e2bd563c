package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/**
 * A ratio of a binary classifier's weighted confusion counts at a probability threshold (precision, recall, F1): one
 * provider each, as ServiceLoader needs a class per name, differing only in name, description and ratio.
 */
abstract class ConfusionRatioProvider extends BuiltinProvider<Metric> implements MetricProvider {
    private final Confusion.Ratio ratio;

    ConfusionRatioProvider(String name, String description, Confusion.Ratio ratio) {
        super(name, description, ProbabilityThreshold.SPEC);
        this.ratio = ratio;
    }

    @Override
    public Metric create(Parameters parameters) {
        double threshold = ProbabilityThreshold.read(name(), parameters);
        return new Confusion(name(), ratio, threshold);
    }
}
