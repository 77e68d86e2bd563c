package org.estimator4j.estimators.builtin.metric;

import java.util.List;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/**
 * {@code f1}: the harmonic mean of precision and recall, {@code 2 tp / (2 tp + fp + fn)} (weighted), with class 1
 * predicted where the probability is greater than {@code threshold}, as Keras' {@code F1Score(threshold=0.5)} for one
 * output. 0 when there are neither positives nor positive predictions.
 */
public final class F1Provider implements MetricProvider {
    @Override
    public String name() {
        return "f1";
    }

    @Override
    public String description() {
        return "F1 score 2 tp / (2 tp + fp + fn) of a binary classifier at a threshold, as Keras' F1Score";
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
            throw new IllegalArgumentException("f1: threshold must be in [0, 1], got " + threshold);
        }
        return new Confusion("f1", Confusion.Ratio.F1, threshold);
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
