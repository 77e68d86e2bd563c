package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.estimators.head.AccuracyCounts;
import org.estimator4j.spi.metric.Metric;

/**
 * The weighted share of examples classified correctly. One probability per example: class 1 when it is greater than
 * the threshold, compared with the label (Keras' {@code binary_accuracy}: a soft label never matches). Several
 * probabilities per example: the class of the largest (the first on ties) compared with the class id.
 */
final class Accuracy implements Metric {
    private final String name;
    private final double threshold;
    private final boolean binaryOnly;
    private final AccuracyCounts counts = new AccuracyCounts();

    Accuracy(String name, double threshold, boolean binaryOnly) {
        this.name = name;
        this.threshold = threshold;
        this.binaryOnly = binaryOnly;
    }

    @Override
    public void update(float[] labels, float[] predictions, float[] weights, int numRows, int width) {
        if (binaryOnly) {
            Metrics.checkBinary(name, width);
        }
        for (int r = 0; r < numRows; r++) {
            float predicted = width == 1
                    ? (predictions[r] > threshold ? 1f : 0f)
                    : AccuracyCounts.argmax(predictions, r * width, width);
            counts.add(predicted, labels[r], Metrics.weight(weights, r));
        }
    }

    @Override
    public double result() {
        return counts.total() == 0 ? Double.NaN : counts.accuracy();
    }

    @Override
    public void reset() {
        counts.reset();
    }

    @Override
    public void merge(Metric other) {
        Accuracy o = Metrics.sameKind(name, Accuracy.class, other);
        if (!o.name.equals(name) || o.threshold != threshold) {
            throw Metrics.differentParameters(name, "threshold " + threshold, o.name + " threshold " + o.threshold);
        }
        counts.merge(o.counts);
    }
}
