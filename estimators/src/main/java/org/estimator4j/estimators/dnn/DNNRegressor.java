package org.estimator4j.estimators.dnn;

import java.util.List;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.RegressorBuilder;
import org.estimator4j.features.FeatureColumn;

/**
 * {@code tf.estimator.DNNRegressor}: a feed-forward network over dense feature columns (numeric, indicator,
 * embedding) with a mean-squared-error head of label_dimension outputs. Adagrad at 0.05, relu, no dropout by default.
 *
 * <pre>{@code
 * ModelEstimator model = DNNRegressor.builder(columns).hiddenUnits(List.of(100, 75, 50, 25))
 *         .runConfig(config).build();
 * }</pre>
 */
public final class DNNRegressor {
    private DNNRegressor() {}

    public static Builder builder(List<? extends FeatureColumn> featureColumns) {
        return new Builder(featureColumns);
    }

    public static final class Builder extends RegressorBuilder<Builder> implements DnnBuilder<Builder> {
        private final DnnOptions dnn;

        private Builder(List<? extends FeatureColumn> columns) {
            this.dnn = new DnnOptions(columns, DnnOptions.defaultOptimizer());
        }

        @Override
        public Builder self() {
            return this;
        }

        @Override
        public DnnOptions dnnOptions() {
            return dnn;
        }

        public ModelEstimator build() {
            return dnn.estimator(
                    "DNNRegressor", describe("DNNRegressor"), head(), config(), weightColumn(), warmStartFrom());
        }
    }
}
