package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.spi.metric.Metric;

/** What the built-in metrics share. */
final class Metrics {
    private Metrics() {}

    static double weight(float[] weights, int row) {
        return weights == null ? 1 : weights[row];
    }

    /** The binary metrics read one probability of class 1 per example. */
    static void checkBinary(String metric, int width) {
        if (width != 1) {
            throw new IllegalArgumentException(metric + " is a binary classification metric and reads one "
                    + "probability per example, but this model predicts " + width + " values per example; for "
                    + "multi-class models use accuracy or log_loss");
        }
    }

    /**
     * Regression metrics read as many labels as predictions per example. A multi-class classifier has one label (a
     * class id) per example: when the labels are too few for that layout, say so rather than read past them.
     */
    static void checkRegression(String metric, float[] labels, int numRows, int width) {
        if (labels.length < (long) numRows * width) {
            throw new IllegalArgumentException(metric + " compares each of the " + width + " predicted values per "
                    + "example with its own label, but there are only " + labels.length + " labels for " + numRows
                    + " examples (a multi-class classifier has one class id per example); use log_loss or accuracy");
        }
    }

    /** {@code other} as this metric's class, or an error saying why they cannot be merged. */
    static <T extends Metric> T sameKind(String metric, Class<T> type, Metric other) {
        if (!type.isInstance(other)) {
            throw new IllegalArgumentException(
                    "cannot merge " + (other == null ? "null" : other.getClass().getName()) + " into " + metric
                            + "; merge accumulators created by the same provider");
        }
        return type.cast(other);
    }

    static IllegalArgumentException differentParameters(String metric, Object mine, Object theirs) {
        return new IllegalArgumentException("cannot merge " + metric + " created with " + theirs + " into one created "
                + "with " + mine + "; merge accumulators created with the same parameters");
    }
}
