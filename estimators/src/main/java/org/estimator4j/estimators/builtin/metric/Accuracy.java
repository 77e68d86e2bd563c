package org.estimator4j.estimators.builtin.metric;

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
    private double correct;
    private double total;

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
            double w = Metrics.weight(weights, r);
            float predicted;
            if (width == 1) {
                predicted = predictions[r] > threshold ? 1f : 0f;
            } else {
                int best = 0;
                int base = r * width;
                for (int j = 1; j < width; j++) {
                    if (predictions[base + j] > predictions[base + best]) {
                        best = j;
                    }
                }
                predicted = best;
            }
            if (predicted == labels[r]) {
                correct += w;
            }
            total += w;
        }
    }

    @Override
    public double result() {
        return total == 0 ? Double.NaN : correct / total;
    }

    @Override
    public void reset() {
        correct = 0;
        total = 0;
    }

    @Override
    public void merge(Metric other) {
        Accuracy o = Metrics.sameKind(name, Accuracy.class, other);
        if (!o.name.equals(name) || o.threshold != threshold) {
            throw Metrics.differentParameters(name, "threshold " + threshold, o.name + " threshold " + o.threshold);
        }
        correct += o.correct;
        total += o.total;
    }
}
