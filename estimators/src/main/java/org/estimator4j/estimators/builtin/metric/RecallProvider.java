package org.estimator4j.estimators.builtin.metric;

import java.util.List;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/**
 * {@code recall}: weighted {@code tp / (tp + fn)} with class 1 predicted where the probability is greater than
 * {@code threshold}, as Keras' {@code Recall(thresholds=0.5)}; 0 when there are no positives.
 */
public final class RecallProvider implements MetricProvider {
    @Override
    public String name() {
        return "recall";
    }

    @Override
    public String description() {
        return "Recall tp / (tp + fn) of a binary classifier at a threshold, as Keras' Recall";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.optional("threshold", ParameterType.DOUBLE, 0.5,
                        "a probability greater than this predicts class 1"));
    }

    @Override
    public Metric create(Parameters parameters) {
        double threshold = parameters.getDouble("threshold");
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("recall: threshold must be in [0, 1], got " + threshold);
        }
        return new Confusion("recall", Confusion.Ratio.RECALL, threshold);
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
