package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.estimators.head.Auc;
import org.estimator4j.spi.metric.Metric;

/**
 * The area under the ROC or precision-recall curve of a binary classifier. Thresholded (the default) it is Keras'
 * {@code AUC} with its defaults, through the binary head's {@link Auc}: {@code num_thresholds} evenly spaced
 * thresholds, trapezoids for ROC and Davis &amp; Goadrich's interpolation for PR, constant memory. Exact, it applies
 * the same two summations at every distinct score, which for ROC is the rank statistic (the weighted probability that
 * a positive scores above a negative, ties counting half); it keeps every score, so its memory grows with the data,
 * and it is NaN when either class has no weight (the area is undefined; the thresholded one is 0 there, as Keras').
 */
final class AreaUnderCurve implements Metric {
    private static final String NAME = "auc";
    private final boolean pr;
    private final Auc thresholded;
    private final RankedScores exact;

    AreaUnderCurve(boolean pr, int numThresholds, boolean exact) {
        this.pr = pr;
        this.thresholded = exact ? null : new Auc(numThresholds);
        this.exact = exact ? new RankedScores() : null;
    }

    @Override
    public void update(float[] labels, float[] predictions, float[] weights, int numRows, int width) {
        Metrics.checkBinary(NAME, width);
        for (int r = 0; r < numRows; r++) {
            float w = weights == null ? 1f : weights[r];
            if (exact != null) {
                exact.add(predictions[r], labels[r] != 0f, w);
            } else {
                thresholded.add(predictions[r], labels[r], w);
            }
        }
    }

    @Override
    public double result() {
        if (thresholded != null) {
            if (thresholded.totalPositive() + thresholded.totalNegative() == 0) {
                return Double.NaN;
            }
            return pr ? thresholded.pr() : thresholded.roc();
        }
        RankedScores.Curve c = exact.curve();
        if (c.totalPositive() == 0 || c.totalNegative() == 0) {
            return Double.NaN;
        }
        return pr
                ? Auc.pr(c.truePositives(), c.falsePositives(), c.totalPositive())
                : Auc.roc(c.truePositives(), c.falsePositives(), c.totalPositive(), c.totalNegative());
    }

    @Override
    public void reset() {
        if (thresholded != null) {
            thresholded.reset();
        } else {
            exact.clear();
        }
    }

    @Override
    public void merge(Metric other) {
        AreaUnderCurve o = Metrics.sameKind(NAME, AreaUnderCurve.class, other);
        if (o.pr != pr || (o.exact == null) != (exact == null)) {
            throw Metrics.differentParameters(NAME, describe(), o.describe());
        }
        if (exact != null) {
            exact.addAll(o.exact);
        } else {
            thresholded.merge(o.thresholded);
        }
    }

    private String describe() {
        return "curve " + (pr ? "PR" : "ROC")
                + (exact != null ? ", exact" : ", " + thresholded.numThresholds() + " thresholds");
    }
}
