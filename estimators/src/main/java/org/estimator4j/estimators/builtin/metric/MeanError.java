package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.spi.metric.Metric;

/**
 * The weighted mean over examples of each example's mean error over its values, as Keras' {@code MeanSquaredError},
 * {@code RootMeanSquaredError} (the square root of the mean squared error) and {@code MeanAbsoluteError} metrics.
 * For a binary classifier (one probability per example) the mean squared error is the Brier score.
 */
final class MeanError implements Metric {
    enum Kind {
        MSE,
        RMSE,
        MAE
    }

    private final String name;
    private final Kind kind;
    private double sum;
    private double total;

    MeanError(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    @Override
    public void update(float[] labels, float[] predictions, float[] weights, int numRows, int width) {
        Metrics.checkRegression(name, labels, numRows, width);
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
        if (total == 0) {
            return Double.NaN;
        }
        double mean = sum / total;
        return kind == Kind.RMSE ? Math.sqrt(mean) : mean;
    }

    @Override
    public void reset() {
        sum = 0;
        total = 0;
    }

    @Override
    public void merge(Metric other) {
        MeanError o = Metrics.sameKind(name, MeanError.class, other);
        if (o.kind != kind) {
            throw Metrics.differentParameters(name, kind, o.kind);
        }
        sum += o.sum;
        total += o.total;
    }
}
