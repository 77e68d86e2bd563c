package org.estimator4j.estimators.linear;

import java.util.List;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.RegressorBuilder;
import org.estimator4j.features.FeatureColumn;

/**
 * {@code tf.estimator.LinearRegressor}: a linear model over feature columns with a mean-squared-error head of
 * label_dimension outputs, trained with FTRL at learning rate 0.2 by default, sparse_combiner sum.
 */
public final class LinearRegressor {
    private LinearRegressor() {}

    public static Builder builder(List<? extends FeatureColumn> featureColumns) {
        return new Builder(featureColumns);
    }

    public static final class Builder extends RegressorBuilder<Builder> implements LinearBuilder<Builder> {
        private final LinearOptions linear;

        private Builder(List<? extends FeatureColumn> columns) {
            this.linear = new LinearOptions("LinearRegressor", columns);
        }

        @Override
        public Builder self() {
            return this;
        }

        @Override
        public LinearOptions linearOptions() {
            return linear;
        }

        public ModelEstimator build() {
            return linear.estimator(describe("LinearRegressor"), head(), config(), weightColumn(), warmStartFrom());
        }
    }
}
