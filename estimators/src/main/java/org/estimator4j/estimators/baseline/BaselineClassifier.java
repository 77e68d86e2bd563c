package org.estimator4j.estimators.baseline;

import static java.util.Objects.requireNonNull;

import org.estimator4j.estimators.ClassifierBuilder;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.head.Head;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;

/**
 * {@code tf.estimator.BaselineClassifier}: predicts the label prior, ignoring the features; the yardstick a real model
 * must beat. FTRL with learning rate 0.3, TensorFlow's default for baselines.
 */
public final class BaselineClassifier {
    private BaselineClassifier() {}

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ClassifierBuilder<Builder> {
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
            Head head = head();
            FtrlOptimizer ftrl = optimizer;
            int logits = head.logitsDimension();
            return new ModelEstimator(describe("BaselineClassifier").put("optimizer", ftrl.toString()).build(),
                    () -> new BaselinePart(logits, ftrl), head, config(), weightColumn(), warmStartFrom());
        }
    }
}
