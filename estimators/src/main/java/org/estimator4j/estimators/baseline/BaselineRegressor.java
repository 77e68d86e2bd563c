package org.estimator4j.estimators.baseline;

import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.RegressorBuilder;

/**
 * {@code tf.estimator.BaselineRegressor}: predicts the label mean, ignoring the features. FTRL with learning rate 0.3,
 * TensorFlow's default for baselines.
 */
public final class BaselineRegressor {
    private BaselineRegressor() {}

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends RegressorBuilder<Builder> implements BaselineBuilder<Builder> {
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
            return baseline.estimator(describe("BaselineRegressor"), head(), config(), weightColumn(), warmStartFrom());
        }
    }
}
