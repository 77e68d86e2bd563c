package org.estimator4j.estimators.head;

/**
 * A head whose training loss is the sum of the per-example losses instead of their mean: the loss and its gradient
 * are the wrapped head's times the number of values it averaged over (examples × label_dimension). Predictions and
 * per-example metrics (average_loss, accuracy, ...) are unchanged; the {@code loss} metric is the mean batch loss,
 * as TensorFlow reports it under either reduction.
 */
final class SummedLossHead extends ForwardingHead {
    SummedLossHead(Head head) {
        super(head);
    }

    @Override
    public double lossAndGradient(float[] logits, float[] targets, float[] weights, int numRows, float[] gradient) {
        double mean = head.lossAndGradient(logits, targets, weights, numRows, gradient);
        int count = numRows * head.targetWidth();
        for (int i = 0; i < numRows * head.logitsDimension(); i++) {
            gradient[i] *= count;
        }
        return mean * count;
    }
}
