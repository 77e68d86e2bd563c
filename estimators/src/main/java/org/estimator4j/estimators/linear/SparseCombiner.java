package org.estimator4j.estimators.linear;

/** How a linear model combines one categorical column's weights for an example: TensorFlow's sparse_combiner. */
public enum SparseCombiner {
    /** {@code Σ w·β} (TensorFlow's default for linear models). */
    SUM,
    /** {@code Σ w·β / Σ w}. */
    MEAN,
    /** {@code Σ w·β / sqrt(Σ w²)}. */
    SQRTN
}
