package org.estimator4j.spi.callback;

import java.util.Map;

/**
 * Code that runs inside an estimator's training loop, like a Keras callback or a TensorFlow session hook: evaluate
 * every N steps, stop early, log somewhere else. Every method does nothing by default, so a callback overrides only
 * what it needs.
 *
 * <p>Callbacks run on the training thread, one after another in the order they were given, and training waits for
 * them: keep the per-step methods cheap. An exception thrown by a callback ends training with an
 * {@link IllegalStateException} naming the callback's class (the exception is its cause); no checkpoint is written
 * after the failure, so the latest checkpoint is the last one saved before it.
 *
 * <p>There are no epoch methods: the loop counts steps (batches) only, and an input may repeat its data any number of
 * times.
 *
 * @since SPI 1
 */
public interface Callback {
    /** Before the first step of a {@code train} call, after the model was restored from the latest checkpoint. */
    default void onTrainBegin(TrainingContext context) {}

    /**
     * After the last step of a {@code train} call and after its final checkpoint was saved, so the latest checkpoint
     * holds the trained model. Called even when there was nothing to train; not called when training failed.
     */
    default void onTrainEnd(TrainingContext context) {}

    /**
     * Before a training step.
     *
     * @param step the number of the step about to run: the global step once it completes
     */
    default void onStepBegin(TrainingContext context, long step) {}

    /**
     * After a training step.
     *
     * @param step the global step this step completed, as in {@link #onStepBegin}
     * @param logs what the step measured, read-only; at least {@code "loss"} (the batch's training loss)
     */
    default void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {}

    /**
     * After a checkpoint of global step {@code step} was written (by the schedule, at the end of training, or through
     * {@link TrainingContext#saveCheckpoint()}): a killed process resumes from it, so what a callback keeps elsewhere
     * (a run's queued metrics) should be made durable here to match it. Runs on the training thread, which waits.
     */
    default void onCheckpointSaved(TrainingContext context, long step) {}

    /**
     * After an evaluation during training (train-and-evaluate), with its metrics by name ({@code auc}, {@code loss},
     * ...): where early stopping and "save the best" callbacks watch held-out quality.
     */
    default void onEvaluation(TrainingContext context, long step, Map<String, Double> metrics) {}
}
