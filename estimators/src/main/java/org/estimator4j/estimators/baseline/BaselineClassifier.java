package org.estimator4j.estimators.baseline;

import org.estimator4j.estimators.ClassifierBuilder;
import org.estimator4j.estimators.ModelEstimator;

/**
 * {@code tf.estimator.BaselineClassifier}: predicts the label prior, ignoring the features; the yardstick a real model
 * must beat. FTRL with learning rate 0.3, TensorFlow's default for baselines.
 */
public final class BaselineClassifier {
    private BaselineClassifier() {}

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ClassifierBuilder<Builder> implements BaselineBuilder<Builder> {
        private final BaselineOptions baseline = new BaselineOptions();

        private Builder() {}

        @Override
        public Builder self() {
            return this;
        }

        @Override
        public BaselineOptions baselineOptions() {
            return baseline;
        }

        public ModelEstimator build() {
            return baseline.estimator(
                    describe("BaselineClassifier"), head(), config(), weightColumn(), warmStartFrom());
        }
    }
}
