package org.estimator4j.estimators.dnn;

import java.util.List;
import org.estimator4j.estimators.ClassifierBuilder;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.optimizer.Optimizer;
import org.estimator4j.features.FeatureColumn;

/**
 * {@code tf.estimator.DNNClassifier}: a feed-forward network over dense feature columns (numeric, indicator,
 * embedding) with a sigmoid (2 classes) or softmax head. Adagrad at 0.05, relu, no dropout by default.
 *
 * <pre>{@code
 * ModelEstimator model = DNNClassifier.builder(columns).hiddenUnits(List.of(100, 75, 50, 25))
 *         .labelVocabulary(List.of("<=50K", ">50K")).runConfig(config).build();
 * }</pre>
 */
public final class DNNClassifier {
    private DNNClassifier() {}

    public static Builder builder(List<? extends FeatureColumn> featureColumns) {
        return new Builder(featureColumns);
    }

    public static final class Builder extends ClassifierBuilder<Builder> implements DnnBuilder<Builder> {
        private final DnnOptions dnn;

        private Builder(List<? extends FeatureColumn> columns) {
            this.dnn = new DnnOptions(columns, DnnOptions.defaultOptimizer());
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Units per hidden layer, e.g. {@code [64, 32]}: required. */
        @Override
        public Builder hiddenUnits(List<Integer> units) {
            dnn.hiddenUnits(units);
            return this;
        }

        @Override
        public Builder activation(Activation activation) {
            dnn.activation(activation);
            return this;
        }

        /** The probability of dropping a hidden unit's output while training. */
        @Override
        public Builder dropout(double rate) {
            dnn.dropout(rate);
            return this;
        }

        /** Batch normalization after each hidden layer. */
        @Override
        public Builder batchNorm(boolean on) {
            dnn.batchNorm(on);
            return this;
        }

        /** Plugin layers stacked after the hidden layers, before the logits. */
        @Override
        public Builder customLayers(List<CustomLayer> layers) {
            dnn.customLayers(layers);
            return this;
        }

        @Override
        public Builder optimizer(Optimizer optimizer) {
            dnn.optimizer(optimizer);
            return this;
        }

        public ModelEstimator build() {
            return dnn.estimator("DNNClassifier", describe("DNNClassifier"), head(), config(), weightColumn(),
                    warmStartFrom());
        }
    }
}
