package org.estimator4j.estimators.head;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.estimator4j.spi.metric.Metric;

/**
 * A head whose evaluation adds plugin metrics to its own, each under the name it was given. The plugin metrics see
 * the labels as the head reads them, the head's {@link Head#metricPredictions}, and the example weights.
 */
public final class MetricsHead extends ForwardingHead {
    private final Map<String, Supplier<Metric>> metrics;

    /** {@code head} with {@code metrics} (name → a factory of fresh accumulators) added to its evaluation. */
    public MetricsHead(Head head, Map<String, Supplier<Metric>> metrics) {
        super(head);
        this.metrics = Map.copyOf(metrics);
    }

    @Override
    public EvalMetrics newEvalMetrics() {
        EvalMetrics own = head.newEvalMetrics();
        Map<String, Metric> added = new LinkedHashMap<>();
        metrics.forEach((name, factory) -> added.put(name, factory.get()));
        int width = head.predictionWidth();
        return new EvalMetrics() {
            private float[] predictions = new float[0];

            @Override
            public void update(float[] logits, float[] targets, float[] weights, int numRows, double batchLoss) {
                own.update(logits, targets, weights, numRows, batchLoss);
                if (predictions.length < numRows * width) {
                    predictions = new float[numRows * width];
                }
                head.metricPredictions(logits, numRows, predictions);
                for (Map.Entry<String, Metric> m : added.entrySet()) {
                    try {
                        m.getValue().update(targets, predictions, weights, numRows, width);
                    } catch (RuntimeException e) {
                        throw new IllegalStateException(
                                "metric '" + m.getKey() + "' ("
                                        + org.estimator4j.api.plugin.PluginComponent.unwrap(m.getValue())
                                                .getClass()
                                                .getName()
                                        + ") failed: " + e,
                                e);
                    }
                }
            }

            @Override
            public Map<String, Double> results() {
                Map<String, Double> all = new LinkedHashMap<>(own.results());
                added.forEach((name, m) -> all.put(name, m.result()));
                return all;
            }
        };
    }
}
