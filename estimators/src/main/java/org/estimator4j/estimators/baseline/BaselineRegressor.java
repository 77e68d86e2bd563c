package org.estimator4j.estimators.baseline;

import static java.util.Objects.requireNonNull;

import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.RegressorBuilder;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;

/**
 * {@code tf.estimator.BaselineRegressor}: predicts the label mean, ignoring the features. FTRL with learning rate 0.3,
 * TensorFlow's default for baselines.
 */
public final class BaselineRegressor {
    private BaselineRegressor() {}

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends RegressorBuilder<Builder> {
        private FtrlOptimizer optimizer = FtrlOptimizer.withLearningRate(0.3);

        private Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        public Builder optimizer(FtrlOptimizer ftrl) {
            this.optimizer = requireNonNull(ftrl, "ftrl is null");
            return this;
        }

        public ModelEstimator build() {
            FtrlOptimizer ftrl = optimizer;
            int d = labelDimension();
            return new ModelEstimator(describe("BaselineRegressor").put("optimizer", ftrl.toString()).build(),
                    () -> new BaselinePart(d, ftrl), head(), config(), weightColumn(), warmStartFrom());
        }
    }
}
