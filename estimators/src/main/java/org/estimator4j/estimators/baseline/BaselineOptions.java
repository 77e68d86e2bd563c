package org.estimator4j.estimators.baseline;

import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.estimators.EstimatorDescription;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.head.Head;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;

/**
 * What the baseline classifier and regressor share: FTRL at learning rate 0.3, TensorFlow's default for baselines.
 * Public only as the type of {@link BaselineBuilder#baselineOptions()}: its state is package-private, set through the
 * builder.
 */
public final class BaselineOptions {
    FtrlOptimizer optimizer = FtrlOptimizer.withLearningRate(0.3);

    BaselineOptions() {}

    /** One learned bias per logit of {@code head}. */
    ModelEstimator estimator(
            EstimatorDescription.Builder description,
            Head head,
            RunConfig config,
            String weightColumn,
            java.nio.file.Path warmStartFrom) {
        FtrlOptimizer ftrl = optimizer;
        int logits = head.logitsDimension();
        return new ModelEstimator(
                description.put("optimizer", ftrl.toString()).build(),
                () -> new BaselinePart(logits, ftrl),
                head,
                config,
                weightColumn,
                warmStartFrom);
    }
}
