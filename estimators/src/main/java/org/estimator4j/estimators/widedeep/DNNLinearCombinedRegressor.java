package org.estimator4j.estimators.widedeep;

import java.util.List;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.RegressorBuilder;
import org.estimator4j.features.FeatureColumn;

/**
 * {@code tf.estimator.DNNLinearCombinedRegressor} (wide and deep): a linear model over the wide columns plus a DNN
 * over the deep ones, logits summed, one mean-squared-error head. Each part keeps its own optimizer.
 *
 * <pre>{@code
 * ModelEstimator model = DNNLinearCombinedRegressor.builder(wideColumns, deepColumns)
 *         .dnnHiddenUnits(List.of(100, 75, 50, 25)).build();
 * }</pre>
 */
public final class DNNLinearCombinedRegressor {
    private DNNLinearCombinedRegressor() {}

    public static Builder builder(
            List<? extends FeatureColumn> linearFeatureColumns, List<? extends FeatureColumn> dnnFeatureColumns) {
        return new Builder(linearFeatureColumns, dnnFeatureColumns);
    }

    public static final class Builder extends RegressorBuilder<Builder> implements WideDeepBuilder<Builder> {
        private final WideDeepOptions options;

        private Builder(List<? extends FeatureColumn> linear, List<? extends FeatureColumn> dnn) {
            this.options = new WideDeepOptions(linear, dnn);
        }

        @Override
        public Builder self() {
            return this;
        }

        @Override
        public WideDeepOptions wideDeepOptions() {
            return options;
        }

        public ModelEstimator build() {
            return options.estimator(
                    "DNNLinearCombinedRegressor",
                    describe("DNNLinearCombinedRegressor"),
                    head(),
                    config(),
                    weightColumn(),
                    warmStartFrom());
        }
    }
}
