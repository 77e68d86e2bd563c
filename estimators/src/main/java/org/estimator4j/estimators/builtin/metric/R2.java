package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.spi.metric.Metric;

/**
 * The weighted coefficient of determination {@code 1 - SS_res / SS_tot} per output, averaged over the outputs with
 * equal weight (Keras' {@code R2Score} with its default {@code class_aggregation="uniform_average"}, and the regression
 * head's {@code r2}). The labels' weighted mean and squared deviations are kept as running moments (West 1979) and
 * merged with Chan et al.'s formula, which stays accurate where sums of squares would cancel.
 *
 * <p>An output whose labels do not vary scores 1 when it is predicted exactly and 0 otherwise, as scikit-learn and
 * the regression head do; Keras gives 0 and NaN there.
 */
final class R2 implements Metric {
    private static final String NAME = "r2";
    private int width = -1;
    private double weightSum;
    private double[] labelMean = new double[0];
    private double[] labelM2 = new double[0];
    private double[] residualSum = new double[0];

    private void ensureWidth(int w) {
        if (width == -1) {
            width = w;
            labelMean = new double[w];
            labelM2 = new double[w];
            residualSum = new double[w];
        } else if (width != w) {
            throw new IllegalArgumentException("r2 was updated with " + width + " values per example and now with " + w
                    + "; use one accumulator per model");
        }
    }

    @Override
    public void update(float[] labels, float[] predictions, float[] weights, int numRows, int width) {
        Metrics.checkRegression(NAME, labels, numRows, width);
        ensureWidth(width);
        for (int r = 0; r < numRows; r++) {
            double w = Metrics.weight(weights, r);
            if (w == 0) {
                continue;
            }
            weightSum += w;
            int base = r * width;
            for (int j = 0; j < width; j++) {
                double y = labels[base + j];
                double e = predictions[base + j] - y;
                residualSum[j] += w * e * e;
                double delta = y - labelMean[j];
                labelMean[j] += w / weightSum * delta;
                labelM2[j] += w * delta * (y - labelMean[j]);
            }
        }
    }

    @Override
    public double result() {
        if (weightSum == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int j = 0; j < width; j++) {
            sum += labelM2[j] > 0 ? 1 - residualSum[j] / labelM2[j] : residualSum[j] == 0 ? 1 : 0;
        }
        return sum / width;
    }

    @Override
    public void reset() {
        width = -1;
        weightSum = 0;
        labelMean = new double[0];
        labelM2 = new double[0];
        residualSum = new double[0];
    }

    @Override
    public void merge(Metric other) {
        R2 o = Metrics.sameKind(NAME, R2.class, other);
        if (o.weightSum == 0) {
            return;
        }
        ensureWidth(o.width);
        double total = weightSum + o.weightSum;
        for (int j = 0; j < width; j++) {
            double delta = o.labelMean[j] - labelMean[j];
            labelM2[j] += o.labelM2[j] + delta * delta * weightSum * o.weightSum / total;
            labelMean[j] += delta * o.weightSum / total;
            residualSum[j] += o.residualSum[j];
        }
        weightSum = total;
    }
}
