package org.estimator4j.estimators.builtin.metric;

/**
 * {@code recall}: weighted {@code tp / (tp + fn)} with class 1 predicted where the probability is greater than
 * {@code threshold}, as Keras' {@code Recall(thresholds=0.5)}; 0 when there are no positives.
 */
public final class RecallProvider extends ConfusionRatioProvider {
    public RecallProvider() {
        super(
                "recall",
                "Recall tp / (tp + fn) of a binary classifier at a threshold, as Keras' Recall",
                Confusion.Ratio.RECALL);
    }
}
