package org.estimator4j.estimators.builtin.metric;

/**
 * {@code precision}: weighted {@code tp / (tp + fp)} with class 1 predicted where the probability is greater than
 * {@code threshold}, as Keras' {@code Precision(thresholds=0.5)}; 0 when nothing is predicted positive.
 */
public final class PrecisionProvider extends ConfusionRatioProvider {
    public PrecisionProvider() {
        super(
                "precision",
                "Precision tp / (tp + fp) of a binary classifier at a threshold, as Keras' Precision",
                Confusion.Ratio.PRECISION);
    }
}
