package org.estimator4j.estimators.builtin.metric;

/**
 * The weighted mean of the predictions over all their values, as Keras' {@code Mean} metric fed the predictions (the
 * head's {@code prediction/mean} for binary classifiers and regressors). For a multi-class classifier every row's
 * probabilities sum to 1, so it is 1 / n_classes: not useful there.
 */
final class MeanPrediction extends WeightedMean {
    MeanPrediction() {
        super("mean");
    }

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
}
