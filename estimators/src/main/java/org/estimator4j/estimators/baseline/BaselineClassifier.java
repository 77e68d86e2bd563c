package org.estimator4j.estimators.baseline;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.estimators.EstimatorDescription;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.head.Head;
import org.estimator4j.estimators.head.Heads;
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

    public static final class Builder {
        private int nClasses = 2;
        private List<String> labelVocabulary;
        private String weightColumn;
        private FtrlOptimizer optimizer = FtrlOptimizer.withLearningRate(0.3);
        private RunConfig runConfig;

        private Builder() {}

        public Builder nClasses(int n) {
            if (n < 2) {
                throw new IllegalArgumentException("n_classes must be >= 2, got " + n);
            }
            this.nClasses = n;
            return this;
        }

        public Builder labelVocabulary(List<String> vocabulary) {
            this.labelVocabulary = List.copyOf(vocabulary);
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
            if (labelVocabulary != null && labelVocabulary.size() != nClasses) {
                throw new IllegalArgumentException("label_vocabulary has " + labelVocabulary.size()
                        + " entries but n_classes is " + nClasses);
            }
            Head head = nClasses == 2 ? Heads.binary(labelVocabulary) : Heads.multiClass(nClasses, labelVocabulary);
            String description = EstimatorDescription.builder("BaselineClassifier")
                    .put("n_classes", nClasses)
                    .put("label_vocabulary", labelVocabulary)
                    .put("weight_column", weightColumn)
                    .put("optimizer", optimizer.toString())
                    .build();
            FtrlOptimizer ftrl = optimizer;
            int logits = head.logitsDimension();
            return new ModelEstimator(description, () -> new BaselinePart(logits, ftrl), head,
                    runConfig != null ? runConfig : RunConfig.builder().build(), weightColumn);
        }
    }
}
