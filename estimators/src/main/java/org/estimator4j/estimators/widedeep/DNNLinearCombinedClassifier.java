package org.estimator4j.estimators.widedeep;

import java.util.List;
import org.estimator4j.estimators.ClassifierBuilder;
import org.estimator4j.estimators.ModelEstimator;
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

    public static Builder builder(
            List<? extends FeatureColumn> linearFeatureColumns, List<? extends FeatureColumn> dnnFeatureColumns) {
        return new Builder(linearFeatureColumns, dnnFeatureColumns);
    }

    public static final class Builder extends ClassifierBuilder<Builder> implements WideDeepBuilder<Builder> {
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
                    "DNNLinearCombinedClassifier",
                    describe("DNNLinearCombinedClassifier"),
                    head(),
                    config(),
                    weightColumn(),
                    warmStartFrom());
        }
    }
}
