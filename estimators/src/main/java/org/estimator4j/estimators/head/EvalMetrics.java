package org.estimator4j.estimators.head;

import java.util.Map;

/** Accumulates a head's evaluation metrics batch by batch; {@link #results()} names them as TensorFlow does. */
public interface EvalMetrics {
    /** Adds a batch: logits and targets as the head lays them out, weights may be null, and the batch's loss. */
    void update(float[] logits, float[] targets, float[] weights, int numRows, double batchLoss);

    /** The metrics so far, e.g. {@code accuracy}, {@code auc}, {@code average_loss}, {@code loss}. */
    Map<String, Double> results();
}
