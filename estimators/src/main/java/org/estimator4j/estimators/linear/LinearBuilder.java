package org.estimator4j.estimators.linear;

import static java.util.Objects.requireNonNull;

import org.estimator4j.estimators.optimizer.FtrlOptimizer;

/**
 * The options of the LinearClassifier and LinearRegressor builders, written once. The builders extend different base
 * builders (the head's options: {@code ClassifierBuilder} or {@code RegressorBuilder}), so these options are this
 * interface's default methods, filling the {@link LinearOptions} each builder holds.
 */
public interface LinearBuilder<B extends LinearBuilder<B>> {
    /** This builder, as its own type (what every setter returns). */
    B self();

    /** The options the setters below fill; the builder's {@code build()} freezes them into the estimator. */
    LinearOptions linearOptions();

    default B optimizer(FtrlOptimizer ftrl) {
        linearOptions().optimizer = requireNonNull(ftrl, "ftrl is null");
        return self();
    }

    default B sparseCombiner(SparseCombiner combiner) {
        linearOptions().sparseCombiner = requireNonNull(combiner, "combiner is null");
        return self();
    }
}
