package org.estimator4j.estimators;

import java.util.Map;
import org.estimator4j.api.table.Batch;

/**
 * The trainable part of an estimator: raw feature batch in, logits out, and one optimizer step from the gradient of
 * the loss with respect to those logits. Linear, DNN and wide-and-deep models implement it; the head and the training
 * loop are shared.
 */
public interface Model {
    int logitsDimension();

    /** Logits for a batch ({@code numRows × logitsDimension()}); remembers what {@link #backward} needs. */
    float[] forward(Batch features, boolean training);

    /**
     * Logits for a batch with no side effects: safe to call from many threads at once, as a serving predictor does.
     */
    float[] inference(Batch features);

    /** Applies one optimizer step for the batch of the last {@link #forward}, given d(loss)/d(logits). */
    void backward(float[] dLogits);

    /** A snapshot of every variable and optimizer slot, by name, for a checkpoint. */
    Map<String, float[]> variables();

    /** Loads saved variables; a missing or mis-sized one is an error telling to use a new model_dir. */
    void restore(Map<String, float[]> saved);

    /** Scales every optimizer's configured learning rate from the next step on (a callback's request). */
    void setLearningRateMultiplier(double multiplier);
}
