package org.estimator4j.estimators.linear;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.estimators.EstimatorDescription;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.head.Head;
import org.estimator4j.estimators.head.Heads;
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

    public static final class Builder {
        private final List<? extends FeatureColumn> columns;
        private int nClasses = 2;
        private List<String> labelVocabulary;
        private String weightColumn;
        private FtrlOptimizer optimizer = FtrlOptimizer.withLearningRate(0.2);
        private SparseCombiner sparseCombiner = SparseCombiner.SUM;
        private RunConfig runConfig;

        private Builder(List<? extends FeatureColumn> columns) {
            this.columns = List.copyOf(requireNonNull(columns, "featureColumns is null"));
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a LinearClassifier needs at least one feature column");
            }
        }

        public Builder nClasses(int n) {
            if (n < 2) {
                throw new IllegalArgumentException("n_classes must be >= 2, got " + n);
            }
            this.nClasses = n;
            return this;
        }

        /** The label strings, in class-id order; without it labels must be class ids (int64, or 0/1 floats). */
        public Builder labelVocabulary(List<String> vocabulary) {
            this.labelVocabulary = List.copyOf(vocabulary);
            return this;
        }

        /** A feature column holding each example's weight in the loss and metrics. */
        public Builder weightColumn(String name) {
            this.weightColumn = requireNonNull(name, "name is null");
            return this;
        }

        public Builder optimizer(FtrlOptimizer ftrl) {
            this.optimizer = requireNonNull(ftrl, "ftrl is null");
            return this;
        }

        public Builder sparseCombiner(SparseCombiner combiner) {
            this.sparseCombiner = requireNonNull(combiner, "combiner is null");
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
            RunConfig config = runConfig != null ? runConfig : RunConfig.builder().build();
            String description = EstimatorDescription.builder("LinearClassifier")
                    .put("n_classes", nClasses)
                    .put("label_vocabulary", labelVocabulary)
                    .put("weight_column", weightColumn)
                    .put("optimizer", optimizer.toString())
                    .put("sparse_combiner", sparseCombiner.name().toLowerCase(java.util.Locale.ROOT))
                    .featureColumns("feature_columns", columns)
                    .build();
            int logits = head.logitsDimension();
            FtrlOptimizer ftrl = optimizer;
            SparseCombiner combiner = sparseCombiner;
            return new ModelEstimator(description, () -> new LinearPart(columns, logits, combiner, ftrl), head, config,
                    weightColumn);
        }
    }
}
