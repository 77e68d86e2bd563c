package org.estimator4j.estimators.baseline;

import static java.util.Objects.requireNonNull;

import org.estimator4j.estimators.optimizer.FtrlOptimizer;

/**
 * The options of the BaselineClassifier and BaselineRegressor builders, written once. The builders extend different
 * base builders (the head's options: {@code ClassifierBuilder} or {@code RegressorBuilder}), so these options are
 * this interface's default methods, filling the {@link BaselineOptions} each builder holds.
 */
public interface BaselineBuilder<B extends BaselineBuilder<B>> {
    /** This builder, as its own type (what every setter returns). */
    B self();

    /** The options the setters below fill; the builder's {@code build()} freezes them into the estimator. */
    BaselineOptions baselineOptions();

    default B optimizer(FtrlOptimizer ftrl) {
        baselineOptions().optimizer = requireNonNull(ftrl, "ftrl is null");
        return self();
    }
}
