package org.estimator4j.estimators.dnn;

import java.util.List;
import org.estimator4j.estimators.ClassifierBuilder;
import org.estimator4j.estimators.ModelEstimator;
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
        public Builder self() {
            return this;
        }

        @Override
        public DnnOptions dnnOptions() {
            return dnn;
        }

        public ModelEstimator build() {
            return dnn.estimator(
                    "DNNClassifier", describe("DNNClassifier"), head(), config(), weightColumn(), warmStartFrom());
        }
    }
}
