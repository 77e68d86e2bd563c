package org.estimator4j.estimators;

import org.estimator4j.estimators.head.Head;
import org.estimator4j.estimators.head.Heads;

/** Options of every premade regressor: label_dimension, the number of values each example predicts. */
public abstract class RegressorBuilder<B extends RegressorBuilder<B>> extends EstimatorBuilder<B> {
    private int labelDimension = 1;

    public B labelDimension(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("label_dimension must be >= 1, got " + d);
        }
        this.labelDimension = d;
        return self();
    }

    protected int labelDimension() {
        return labelDimension;
    }

    /** A mean-squared-error head of label_dimension outputs. */
    protected Head head() {
        return decorate(Heads.regression(labelDimension));
    }

    protected EstimatorDescription.Builder describe(String estimator) {
        return EstimatorDescription.builder(estimator)
                .put("label_dimension", labelDimension)
                .put("weight_column", weightColumn())
                .put("loss_reduction", lossReduction().tfName())
                .putIfNotNull("loss", lossDescription());
    }
}
