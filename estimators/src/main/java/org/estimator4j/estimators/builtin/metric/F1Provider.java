package org.estimator4j.estimators.builtin.metric;

/**
 * {@code f1}: the harmonic mean of precision and recall, {@code 2 tp / (2 tp + fp + fn)} (weighted), with class 1
 * predicted where the probability is greater than {@code threshold}, as Keras' {@code F1Score(threshold=0.5)} for one
 * output. 0 when there are neither positives nor positive predictions.
 */
public final class F1Provider extends ConfusionRatioProvider {
    public F1Provider() {
        super(
                "f1",
                "F1 score 2 tp / (2 tp + fp + fn) of a binary classifier at a threshold, as Keras' F1Score",
                Confusion.Ratio.F1);
    }
}
