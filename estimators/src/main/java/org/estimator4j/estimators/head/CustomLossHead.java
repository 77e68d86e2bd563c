package org.estimator4j.estimators.head;

import org.estimator4j.spi.loss.Loss;

/**
 * A canned head whose training loss comes from a plugin {@link Loss}: labels, predictions and metrics stay the
 * head's; the per-example losses are weighted and averaged over the batch's label values ({@code sum_over_batch_size},
 * as the canned heads do). The {@code loss} metric is this loss; {@code average_loss} stays the head's own.
 */
final class CustomLossHead extends ForwardingHead {
    private final Loss loss;
    private float[] losses = new float[0];

    CustomLossHead(Head head, Loss loss) {
        super(head);
        this.loss = loss;
    }

    /** Not thread-safe (one buffer of per-example losses): training and evaluation each run on one thread. */
    @Override
    public synchronized double lossAndGradient(
            float[] logits, float[] targets, float[] weights, int numRows, float[] gradient) {
        if (losses.length < numRows) {
            losses = new float[numRows];
        }
        int k = head.logitsDimension();
        loss.compute(logits, targets, numRows, k, losses, gradient);
        double denominator = (double) numRows * head.targetWidth();
        double sum = 0;
        for (int r = 0; r < numRows; r++) {
            double w = weights == null ? 1 : weights[r];
            sum += w * losses[r];
            float scale = (float) (w / denominator);
            for (int j = 0; j < k; j++) {
                gradient[r * k + j] *= scale;
            }
        }
        return sum / denominator;
    }
}
