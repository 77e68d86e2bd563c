package org.estimator4j.estimators.linear;

import java.util.List;
import java.util.Locale;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.estimators.EstimatorDescription;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.head.Head;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.features.FeatureColumn;

/**
 * What the linear classifier and regressor share: columns, FTRL (TF's default rate 0.2) and the sparse combiner.
 * Public only as the type of {@link LinearBuilder#linearOptions()}: its state is package-private, set through the
 * builder.
 */
public final class LinearOptions {
    final List<FeatureColumn> columns;
    FtrlOptimizer optimizer = FtrlOptimizer.withLearningRate(0.2);
    SparseCombiner sparseCombiner = SparseCombiner.SUM;

    LinearOptions(String estimator, List<? extends FeatureColumn> columns) {
        this.columns = List.copyOf(java.util.Objects.requireNonNull(columns, "featureColumns is null"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a " + estimator + " needs at least one feature column");
        }
    }

    ModelEstimator estimator(
            EstimatorDescription.Builder description,
            Head head,
            RunConfig config,
            String weightColumn,
            java.nio.file.Path warmStartFrom) {
        String text = description
                .put("optimizer", optimizer.toString())
                .put("sparse_combiner", sparseCombiner.name().toLowerCase(Locale.ROOT))
                .featureColumns("feature_columns", columns)
                .build();
        FtrlOptimizer ftrl = optimizer;
        SparseCombiner combiner = sparseCombiner;
        int logits = head.logitsDimension();
        LinearPart.checkSizes(columns, logits);
        return new ModelEstimator(
                text, () -> new LinearPart(columns, logits, combiner, ftrl), head, config, weightColumn, warmStartFrom);
    }
}
