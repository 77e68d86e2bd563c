package org.estimator4j.estimators.linear;

import java.util.List;
import org.estimator4j.estimators.ClassifierBuilder;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.features.FeatureColumn;

/**
 * {@code tf.estimator.LinearClassifier}: a linear model over feature columns with a sigmoid (2 classes) or softmax
 * (more) head, trained with FTRL at learning rate 0.2 by default, sparse_combiner sum.
 *
 * <pre>{@code
 * ModelEstimator model = LinearClassifier.builder(columns)
 *         .labelVocabulary(List.of("<=50K", ">50K"))
 *         .runConfig(RunConfig.builder().modelDir(Path.of("models/linear")).build())
 *         .build();
 * model.train(trainInput, Steps.of(10_000));
 * }</pre>
 */
public final class LinearClassifier {
    private LinearClassifier() {}

    public static Builder builder(List<? extends FeatureColumn> featureColumns) {
        return new Builder(featureColumns);
    }

    public static final class Builder extends ClassifierBuilder<Builder> implements LinearBuilder<Builder> {
        private final LinearOptions linear;

        private Builder(List<? extends FeatureColumn> columns) {
            this.linear = new LinearOptions("LinearClassifier", columns);
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
            return linear.estimator(describe("LinearClassifier"), head(), config(), weightColumn(), warmStartFrom());
        }
    }
}
