package org.estimator4j.estimators.head;

/**
 * Weighted true positives, false positives and false negatives of a yes/no decision against binary labels, and the
 * ratios made of them, 0 where the denominator is 0 (Keras' {@code div_no_nan}, TensorFlow's head metrics). Written
 * once for {@link BinaryClassHead}'s {@code precision} and {@code recall} and the built-in {@code precision},
 * {@code recall} and {@code f1} metrics, which decide by a threshold on the probability instead of the logit's sign.
 * It lives here, beside {@link Auc}, because the built-in metrics build on this package, not the other way round.
 */
public final class ConfusionCounts {
    private double truePositive;
    private double falsePositive;
    private double falseNegative;
    private double total;

    /** One example: whether it was called positive, whether its label is, and its weight. */
    public void add(boolean predictedPositive, boolean positive, double weight) {
        if (predictedPositive) {
            if (positive) {
                truePositive += weight;
            } else {
                falsePositive += weight;
            }
        } else if (positive) {
            falseNegative += weight;
        }
        total += weight;
    }

    /** The weight of every example added, whatever its outcome. */
    public double total() {
        return total;
    }

    /** {@code tp / (tp + fp)}. */
    public double precision() {
        return Auc.divNoNan(truePositive, truePositive + falsePositive);
    }

    /** {@code tp / (tp + fn)}. */
    public double recall() {
        return Auc.divNoNan(truePositive, truePositive + falseNegative);
    }

    /** {@code 2 tp / (2 tp + fp + fn)}: the harmonic mean of precision and recall. */
    public double f1() {
        return Auc.divNoNan(2 * truePositive, 2 * truePositive + falsePositive + falseNegative);
    }

    /** Adds {@code other}'s counts: counting two parts apart and merging equals counting them together. */
    public void merge(ConfusionCounts other) {
        truePositive += other.truePositive;
        falsePositive += other.falsePositive;
        falseNegative += other.falseNegative;
        total += other.total;
    }

    public void reset() {
        truePositive = 0;
        falsePositive = 0;
        falseNegative = 0;
        total = 0;
    }
}
