package org.estimator4j.estimators.head;

/**
 * The weight of examples classified correctly and of all examples, and their ratio, 0 where no weight was seen
 * (TensorFlow's head metrics). Written once for the heads' {@code accuracy} and the built-in {@code accuracy} and
 * {@code binary_accuracy} metrics, with the argmax both use for several classes. It lives here, beside {@link Auc},
 * because the built-in metrics build on this package, not the other way round.
 */
public final class AccuracyCounts {
    private double correct;
    private double total;

    /** One example: correct when the predicted class equals the label (a soft label such as 0.3 never does). */
    public void add(float predictedClass, float label, double weight) {
        if (predictedClass == label) {
            correct += weight;
        }
        total += weight;
    }

    /** The weight of every example added. */
    public double total() {
        return total;
    }

    /** {@code correct / total}, 0 when the total is 0. */
    public double accuracy() {
        return Auc.divNoNan(correct, total);
    }

    /** Adds {@code other}'s counts: counting two parts apart and merging equals counting them together. */
    public void merge(AccuracyCounts other) {
        correct += other.correct;
        total += other.total;
    }

    public void reset() {
        correct = 0;
        total = 0;
    }

    /** The index of the largest of {@code scores[base .. base + width)}, the first on ties (as tf.math.argmax). */
    public static int argmax(float[] scores, int base, int width) {
        int best = 0;
        for (int j = 1; j < width; j++) {
            if (scores[base + j] > scores[base + best]) {
                best = j;
            }
        }
        return best;
    }
}
