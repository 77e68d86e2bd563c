package org.estimator4j.api.estimator;

import java.util.Map;
import java.util.TreeMap;

/**
 * Metrics of one evaluation, named as TensorFlow's heads name them ({@code accuracy}, {@code auc}, ...).
 *
 * @since 0.1.0
 */
public record EvalResult(long globalStep, Map<String, Double> metrics) {
    public EvalResult {
        metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

    public double metric(String name) {
        Double v = metrics.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no metric '" + name + "'; there are " + metrics.keySet());
        }
        return v;
    }
}
