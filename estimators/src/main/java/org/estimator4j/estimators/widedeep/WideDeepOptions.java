package org.estimator4j.estimators.widedeep;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.estimators.EstimatorDescription;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.dnn.DnnOptions;
import org.estimator4j.estimators.head.Head;
import org.estimator4j.estimators.linear.LinearPart;
import org.estimator4j.estimators.linear.SparseCombiner;
import org.estimator4j.estimators.optimizer.AdagradOptimizer;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.features.FeatureColumn;

/**
 * What the wide-and-deep classifier and regressor share, with TensorFlow's defaults: the linear part trains with FTRL
 * at {@code min(0.005, 1/sqrt(number of linear columns))}, the DNN part with Adagrad at 0.001. Public only as the type
 * of {@link WideDeepBuilder#wideDeepOptions()}: its state is package-private, set through the builder.
 */
public final class WideDeepOptions {
    final List<FeatureColumn> linearColumns;
    FtrlOptimizer linearOptimizer;
    SparseCombiner linearSparseCombiner = SparseCombiner.SUM;
    final DnnOptions dnn;

    WideDeepOptions(List<? extends FeatureColumn> linearColumns, List<? extends FeatureColumn> dnnColumns) {
        this.linearColumns = List.copyOf(requireNonNull(linearColumns, "linearFeatureColumns is null"));
        this.dnn = new DnnOptions(
                requireNonNull(dnnColumns, "dnnFeatureColumns is null"), AdagradOptimizer.withLearningRate(0.001));
        if (linearColumns.isEmpty() && dnnColumns.isEmpty()) {
            throw new IllegalArgumentException(
                    "wide and deep needs linear_feature_columns or dnn_feature_columns " + "(or both); both are empty");
        }
        this.linearOptimizer = FtrlOptimizer.withLearningRate(defaultLinearLearningRate(linearColumns.size()));
    }

    /** TensorFlow's {@code _linear_learning_rate}: {@code min(0.005, 1/sqrt(columns))}. */
    static double defaultLinearLearningRate(int columns) {
        return columns == 0 ? 0.005 : Math.min(0.005, 1 / Math.sqrt(columns));
    }

    ModelEstimator estimator(
            String estimator,
            EstimatorDescription.Builder description,
            Head head,
            RunConfig config,
            String weightColumn,
            java.nio.file.Path warmStartFrom) {
        boolean deep = !dnn.columns().isEmpty();
        if (deep) {
            dnn.check(estimator);
        }
        description
                .featureColumns("linear_feature_columns", linearColumns)
                .put("linear_optimizer", linearOptimizer.toString())
                .put("linear_sparse_combiner", linearSparseCombiner.name().toLowerCase(Locale.ROOT));
        if (deep) {
            dnn.describe(description, "dnn_");
        } else {
            description.featureColumns("dnn_feature_columns", List.of());
        }
        String text = description.build();
        List<FeatureColumn> linear = linearColumns;
        FtrlOptimizer ftrl = linearOptimizer;
        SparseCombiner combiner = linearSparseCombiner;
        DnnOptions frozen = dnn.copy();
        int logits = head.logitsDimension();
        LinearPart.checkSizes(linear, logits);
        long seed = config.seed();
        return new ModelEstimator(
                text,
                () -> new WideDeepPart(
                        linear.isEmpty() ? null : new LinearPart(linear, logits, combiner, ftrl),
                        deep ? frozen.newPart(logits, seed) : null),
                head,
                config,
                weightColumn,
                warmStartFrom);
    }
}
