package org.estimator4j.estimators.linear;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.estimator4j.estimators.ClassifierBuilder;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.head.Head;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
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

    public static final class Builder extends ClassifierBuilder<Builder> {
        private final LinearOptions linear;

        private Builder(List<? extends FeatureColumn> columns) {
            this.linear = new LinearOptions("LinearClassifier", columns);
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder optimizer(FtrlOptimizer ftrl) {
            linear.optimizer = requireNonNull(ftrl, "ftrl is null");
            return this;
        }

        public Builder sparseCombiner(SparseCombiner combiner) {
            linear.sparseCombiner = requireNonNull(combiner, "combiner is null");
            return this;
        }

        public ModelEstimator build() {
            Head head = head();
            return linear.estimator(describe("LinearClassifier"), head, config(), weightColumn(),
                    warmStartFrom());
        }
    }
}
