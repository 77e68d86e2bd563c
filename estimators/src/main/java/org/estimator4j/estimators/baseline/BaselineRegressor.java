package org.estimator4j.estimators.baseline;

import static java.util.Objects.requireNonNull;

import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.estimators.EstimatorDescription;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.head.Heads;
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

    public static final class Builder {
        private int labelDimension = 1;
        private String weightColumn;
        private FtrlOptimizer optimizer = FtrlOptimizer.withLearningRate(0.3);
        private RunConfig runConfig;

        private Builder() {}

        public Builder labelDimension(int d) {
            if (d < 1) {
                throw new IllegalArgumentException("label_dimension must be >= 1, got " + d);
            }
            this.labelDimension = d;
            return this;
        }

        public Builder weightColumn(String name) {
            this.weightColumn = requireNonNull(name, "name is null");
            return this;
        }

        public Builder optimizer(FtrlOptimizer ftrl) {
            this.optimizer = requireNonNull(ftrl, "ftrl is null");
            return this;
        }

        public Builder runConfig(RunConfig config) {
            this.runConfig = requireNonNull(config, "config is null");
            return this;
        }

        public ModelEstimator build() {
            String description = EstimatorDescription.builder("BaselineRegressor")
                    .put("label_dimension", labelDimension)
                    .put("weight_column", weightColumn)
                    .put("optimizer", optimizer.toString())
                    .build();
            FtrlOptimizer ftrl = optimizer;
            int d = labelDimension;
            return new ModelEstimator(description, () -> new BaselinePart(d, ftrl), Heads.regression(d),
                    runConfig != null ? runConfig : RunConfig.builder().build(), weightColumn);
        }
    }
}
