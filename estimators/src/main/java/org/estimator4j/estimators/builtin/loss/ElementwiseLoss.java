package org.estimator4j.estimators.builtin.loss;

import org.estimator4j.spi.loss.Loss;

/**
 * A regression loss of each logit (the prediction) against the label in the same place: a regressor has as many
 * labels per example as logits. An example's loss is the sum over its values (see the package documentation).
 */
abstract class ElementwiseLoss implements Loss {
    /** The loss of one prediction. */
    abstract double loss(double prediction, double label);

    /** d(loss)/d(prediction). */
    abstract double derivative(double prediction, double label);

    @Override
    public final void compute(
            float[] logits, float[] labels, int numRows, int logitsDimension, float[] losses, float[] gradient) {
        for (int r = 0; r < numRows; r++) {
            double sum = 0;
            int base = r * logitsDimension;
            for (int j = 0; j < logitsDimension; j++) {
                double p = logits[base + j];
                double y = labels[base + j];
                sum += loss(p, y);
                gradient[base + j] = (float) derivative(p, y);
            }
            losses[r] = (float) sum;
        }
    }
}
