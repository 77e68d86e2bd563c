package org.estimator4j.estimators.builtin.metric;

/**
 * The weighted mean over examples of each example's mean error over its values, as Keras' {@code MeanSquaredError},
 * {@code RootMeanSquaredError} (the square root of the mean squared error) and {@code MeanAbsoluteError} metrics.
 * For a binary classifier (one probability per example) the mean squared error is the Brier score.
 */
final class MeanError extends WeightedMean {
    enum Kind {
        MSE,
        RMSE,
        MAE
    }

    private final Kind kind;

    MeanError(String name, Kind kind) {
        super(name);
        this.kind = kind;
    }

    @Override
    public void update(float[] labels, float[] predictions, float[] weights, int numRows, int width) {
        Metrics.checkRegression(name(), labels, numRows, width);
        for (int r = 0; r < numRows; r++) {
            double w = Metrics.weight(weights, r);
            double row = 0;
            int base = r * width;
            for (int j = 0; j < width; j++) {
                double e = (double) predictions[base + j] - labels[base + j];
                row += kind == Kind.MAE ? Math.abs(e) : e * e;
            }
            sum += w * row / width;
            total += w;
        }
    }

    @Override
    public double result() {
        double mean = mean();
        return kind == Kind.RMSE ? Math.sqrt(mean) : mean;
    }

    @Override
    void checkSameParameters(WeightedMean other) {
        Kind theirs = ((MeanError) other).kind;
        if (theirs != kind) {
            throw Metrics.differentParameters(name(), kind, theirs);
        }
    }
}
