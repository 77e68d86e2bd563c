package org.estimator4j.estimators.widedeep;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.estimator4j.estimators.ClassifierBuilder;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.dnn.Activation;
import org.estimator4j.estimators.linear.SparseCombiner;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.estimators.optimizer.Optimizer;
import org.estimator4j.features.FeatureColumn;

/**
 * {@code tf.estimator.DNNLinearCombinedClassifier} (wide and deep): a linear model over the wide columns plus a DNN
 * over the deep ones, logits summed, one sigmoid or softmax head. Each part keeps its own optimizer.
 *
 * <pre>{@code
 * ModelEstimator model = DNNLinearCombinedClassifier.builder(wideColumns, deepColumns)
 *         .dnnHiddenUnits(List.of(100, 75, 50, 25)).labelVocabulary(List.of("<=50K", ">50K")).build();
 * }</pre>
 */
public final class DNNLinearCombinedClassifier {
    private DNNLinearCombinedClassifier() {}

    public static Builder builder(List<? extends FeatureColumn> linearFeatureColumns,
            List<? extends FeatureColumn> dnnFeatureColumns) {
        return new Builder(linearFeatureColumns, dnnFeatureColumns);
    }

    public static final class Builder extends ClassifierBuilder<Builder> implements WideDeepBuilder<Builder> {
        private final WideDeepOptions options;

        private Builder(List<? extends FeatureColumn> linear, List<? extends FeatureColumn> dnn) {
            this.options = new WideDeepOptions(linear, dnn);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public Builder linearOptimizer(FtrlOptimizer ftrl) {
            options.linearOptimizer = requireNonNull(ftrl, "ftrl is null");
            return this;
        }

        @Override
        public Builder linearSparseCombiner(SparseCombiner combiner) {
            options.linearSparseCombiner = requireNonNull(combiner, "combiner is null");
            return this;
        }

        @Override
        public Builder dnnHiddenUnits(List<Integer> units) {
            options.dnn.hiddenUnits(units);
            return this;
        }

        @Override
        public Builder dnnActivation(Activation activation) {
            options.dnn.activation(activation);
            return this;
        }

        @Override
        public Builder dnnDropout(double rate) {
            options.dnn.dropout(rate);
            return this;
        }

        @Override
        public Builder batchNorm(boolean on) {
            options.dnn.batchNorm(on);
            return this;
        }

        /** Plugin layers stacked after the DNN part's hidden layers. */
        @Override
        public Builder dnnCustomLayers(java.util.List<org.estimator4j.estimators.dnn.CustomLayer> layers) {
            options.dnn.customLayers(layers);
            return this;
        }

        @Override
        public Builder dnnOptimizer(Optimizer optimizer) {
            options.dnn.optimizer(optimizer);
            return this;
        }

        public ModelEstimator build() {
            return options.estimator("DNNLinearCombinedClassifier", describe("DNNLinearCombinedClassifier"), head(),
                    config(), weightColumn(), warmStartFrom());
        }
    }
}
