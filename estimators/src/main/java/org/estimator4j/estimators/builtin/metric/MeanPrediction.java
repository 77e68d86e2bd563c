package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.spi.metric.Metric;

/**
 * The weighted mean of the predictions over all their values, as Keras' {@code Mean} metric fed the predictions (the
 * head's {@code prediction/mean} for binary classifiers and regressors). For a multi-class classifier every row's
 * probabilities sum to 1, so it is 1 / n_classes: not useful there.
 */
final class MeanPrediction implements Metric {
    private static final String NAME = "mean";
    private double sum;
    private double total;

    @Override
    public void update(float[] labels, float[] predictions, float[] weights, int numRows, int width) {
        for (int r = 0; r < numRows; r++) {
            double w = Metrics.weight(weights, r);
            int base = r * width;
            for (int j = 0; j < width; j++) {
                sum += w * predictions[base + j];
            }
            total += w * width;
        }
    }

    @Override
    public double result() {
        return total == 0 ? Double.NaN : sum / total;
    }

    @Override
    public void reset() {
        sum = 0;
        total = 0;
    }

    @Override
    public void merge(Metric other) {
        MeanPrediction o = Metrics.sameKind(NAME, MeanPrediction.class, other);
        sum += o.sum;
        total += o.total;
    }
}
