package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.estimators.head.ConfusionCounts;
import org.estimator4j.spi.metric.Metric;

/**
 * Weighted true positives, false positives and false negatives at one threshold (a probability greater than it calls
 * class 1; a non-zero label is positive), as Keras' {@code Precision}, {@code Recall} and {@code F1Score} count
 * them, and one ratio of them.
 */
final class Confusion implements Metric {
    enum Ratio {
        /** {@code tp / (tp + fp)}. */
        PRECISION,
        /** {@code tp / (tp + fn)}. */
        RECALL,
        /** {@code 2 tp / (2 tp + fp + fn)}: the harmonic mean of precision and recall. */
        F1
    }

    private final String name;
    private final Ratio ratio;
    private final double threshold;
    private final ConfusionCounts counts = new ConfusionCounts();

    Confusion(String name, Ratio ratio, double threshold) {
        this.name = name;
        this.ratio = ratio;
        this.threshold = threshold;
    }

    @Override
    public void update(float[] labels, float[] predictions, float[] weights, int numRows, int width) {
        Metrics.checkBinary(name, width);
        for (int r = 0; r < numRows; r++) {
            counts.add(predictions[r] > threshold, labels[r] != 0f, Metrics.weight(weights, r));
        }
    }

    @Override
    public double result() {
        if (counts.total() == 0) {
            return Double.NaN;
        }
        return switch (ratio) {
            case PRECISION -> counts.precision();
            case RECALL -> counts.recall();
            case F1 -> counts.f1();
        };
    }

    @Override
    public void reset() {
        counts.reset();
    }

    @Override
    public void merge(Metric other) {
        Confusion o = Metrics.sameKind(name, Confusion.class, other);
        if (o.ratio != ratio || o.threshold != threshold) {
            throw Metrics.differentParameters(name, "threshold " + threshold, o.name + " threshold " + o.threshold);
        }
        counts.merge(o.counts);
    }
}
