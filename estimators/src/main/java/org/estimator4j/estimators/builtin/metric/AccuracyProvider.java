package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/**
 * {@code accuracy}: the weighted share of correct classifications, as Keras' "accuracy" resolves for the model's
 * output: the class of the largest probability against the class id for multi-class classifiers
 * ({@code sparse_categorical_accuracy}), a probability of class 1 greater than 0.5 against the label for binary ones
 * ({@code binary_accuracy}).
 */
public final class AccuracyProvider extends BuiltinProvider<Metric> implements MetricProvider {
    public AccuracyProvider() {
        super(
                "accuracy",
                "Share of examples classified correctly: argmax for several classes, probability > 0.5 for one");
    }

    @Override
    public Metric create(Parameters parameters) {
        return new Accuracy("accuracy", 0.5, false);
    }
}
