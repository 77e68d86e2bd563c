package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.spi.metric.Metric;

/**
 * The Kolmogorov–Smirnov statistic of a binary classifier: the largest {@code |TPR - FPR|} over all thresholds, i.e.
 * the largest gap between the weighted score distributions of positives and negatives. Exact: every score is kept and
 * every distinct score tried as a threshold, so memory grows with the data. NaN when either class has no weight.
 */
final class KolmogorovSmirnov implements Metric {
    private static final String NAME = "ks";
    private final RankedScores scores = new RankedScores();

    @Override
    public void update(float[] labels, float[] predictions, float[] weights, int numRows, int width) {
        Metrics.checkBinary(NAME, width);
        for (int r = 0; r < numRows; r++) {
            scores.add(predictions[r], labels[r] != 0f, weights == null ? 1f : weights[r]);
        }
    }

    @Override
    public double result() {
        RankedScores.Curve c = scores.curve();
        if (c.totalPositive() == 0 || c.totalNegative() == 0) {
            return Double.NaN;
        }
        double ks = 0;
        for (int i = 0; i < c.truePositives().length; i++) {
            double tpr = c.truePositives()[i] / c.totalPositive();
            double fpr = c.falsePositives()[i] / c.totalNegative();
            ks = Math.max(ks, Math.abs(tpr - fpr));
        }
        return ks;
    }

    @Override
    public void reset() {
        scores.clear();
    }

    @Override
    public void merge(Metric other) {
        scores.addAll(Metrics.sameKind(NAME, KolmogorovSmirnov.class, other).scores);
    }
}
