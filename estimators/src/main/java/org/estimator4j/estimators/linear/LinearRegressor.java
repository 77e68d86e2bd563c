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
 * {@code tf.estimator.LinearRegressor}: a linear model over feature columns with a mean-squared-error head of
 * label_dimension outputs, trained with FTRL at learning rate 0.2 by default, sparse_combiner sum.
 */
public final class LinearRegressor {
    private LinearRegressor() {}

    public static Builder builder(List<? extends FeatureColumn> featureColumns) {
        return new Builder(featureColumns);
    }

    public static final class Builder {
        private final List<? extends FeatureColumn> columns;
        private int labelDimension = 1;
        private String weightColumn;
        private FtrlOptimizer optimizer = FtrlOptimizer.withLearningRate(0.2);
        private SparseCombiner sparseCombiner = SparseCombiner.SUM;
        private RunConfig runConfig;

        private Builder(List<? extends FeatureColumn> columns) {
            this.columns = List.copyOf(requireNonNull(columns, "featureColumns is null"));
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a LinearRegressor needs at least one feature column");
            }
        }

        public Builder labelDimension(int d) {
            if (d < 1) {
                throw new IllegalArgumentException("label_dimension must be >= 1, got " + d);
            }
            this.labelDimension = d;
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

        public Builder sparseCombiner(SparseCombiner combiner) {
            this.sparseCombiner = requireNonNull(combiner, "combiner is null");
            return this;
        }

        public Builder runConfig(RunConfig config) {
            this.runConfig = requireNonNull(config, "config is null");
            return this;
        }

        public ModelEstimator build() {
            Head head = Heads.regression(labelDimension);
            RunConfig config = runConfig != null ? runConfig : RunConfig.builder().build();
            String description = EstimatorDescription.builder("LinearRegressor")
                    .put("label_dimension", labelDimension)
                    .put("weight_column", weightColumn)
                    .put("optimizer", optimizer.toString())
                    .put("sparse_combiner", sparseCombiner.name().toLowerCase(java.util.Locale.ROOT))
                    .featureColumns("feature_columns", columns)
                    .build();
            FtrlOptimizer ftrl = optimizer;
            SparseCombiner combiner = sparseCombiner;
            return new ModelEstimator(description, () -> new LinearPart(columns, labelDimension, combiner, ftrl),
                    head, config, weightColumn);
        }
    }
}
