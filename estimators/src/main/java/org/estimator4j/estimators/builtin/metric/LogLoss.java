package org.estimator4j.estimators.builtin.metric;

/**
 * The weighted mean cross-entropy of the predicted probabilities, as Keras' {@code BinaryCrossentropy} metric for one
 * probability per example ({@code -(z log p + (1 - z) log(1 - p))}, soft labels allowed) and its {@code
 * SparseCategoricalCrossentropy} for several ({@code -log p[y]}, after dividing by their sum). Probabilities are
 * clipped to [1e-7, 1 - 1e-7] as Keras does, so a confident mistake costs about 16.1, not infinity.
 */
final class LogLoss extends WeightedMean {
    private static final String NAME = "log_loss";
    private static final double EPSILON = 1e-7;

    LogLoss() {
        super(NAME);
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, EPSILON), 1 - EPSILON);
    }

    @Override
    public void update(float[] labels, float[] predictions, float[] weights, int numRows, int width) {
        for (int r = 0; r < numRows; r++) {
            double w = Metrics.weight(weights, r);
            double loss;
            if (width == 1) {
                double p = clip(predictions[r]);
                double z = labels[r];
                loss = -(z * Math.log(p) + (1 - z) * Math.log(1 - p));
            } else {
                int y = (int) labels[r];
                if (y != labels[r] || y < 0 || y >= width) {
                    throw new IllegalArgumentException("log_loss: row " + r + " has label " + labels[r] + ", which is "
                            + "not a class id in [0, " + width + ")");
                }
                int base = r * width;
                double norm = 0;
                for (int j = 0; j < width; j++) {
                    norm += predictions[base + j];
                }
                loss = -Math.log(clip(predictions[base + y] / norm));
            }
            sum += w * loss;
            total += w;
        }
    }
}
