package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/**
 * {@code binary_accuracy}: the weighted share of examples whose label equals {@code probability > threshold}, as
 * Keras' {@code BinaryAccuracy} (default threshold 0.5). Binary classifiers only.
 */
public final class BinaryAccuracyProvider extends BuiltinProvider<Metric> implements MetricProvider {
    public BinaryAccuracyProvider() {
        super(
                "binary_accuracy",
                "Share of binary examples classified correctly at a probability threshold, as Keras' BinaryAccuracy",
                ProbabilityThreshold.SPEC);
    }

    @Override
    public Metric create(Parameters parameters) {
        double threshold = ProbabilityThreshold.read("binary_accuracy", parameters);
        return new Accuracy("binary_accuracy", threshold, true);
    }
}
