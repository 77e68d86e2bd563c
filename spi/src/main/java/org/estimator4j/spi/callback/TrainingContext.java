package org.estimator4j.spi.callback;

import java.nio.file.Path;

/**
 * What a {@link Callback} may see and do while an estimator trains. A context belongs to one {@code train} call and
 * is only valid on the training thread during that call: the loop does not synchronise with anyone, so handing the
 * context to another thread, or keeping it after training ends, is not supported.
 *
 * @since SPI 1
 */
public interface TrainingContext {
    /**
     * The number of training steps completed so far, counting earlier runs in the same model directory (training
     * resumes from the latest checkpoint). Inside {@link Callback#onStepBegin} it does not yet count the step about to
     * run; inside {@link Callback#onStepEnd} it does.
     */
    long globalStep();

    /**
     * Asks the loop to stop after the current step, as if the requested number of steps had been reached: the final
     * checkpoint is saved as usual and {@link Callback#onTrainEnd} is still called. Requested from
     * {@link Callback#onTrainBegin}, no step runs at all. Calling it more than once is harmless.
     */
    void requestStop();

    /**
     * Saves a checkpoint of the current variables now, synchronously, so that the estimator's {@code evaluate} and
     * {@code export} (which read the latest checkpoint) see exactly the model trained so far. Nothing is written when
     * the latest checkpoint already holds this step.
     *
     * @return the global step of the checkpoint, which is {@link #globalStep()}
     * @throws java.io.UncheckedIOException when the checkpoint cannot be written; the previous one stays intact
     */
    long saveCheckpoint();

    /** The model directory the estimator trains in: its checkpoints, and a place for a callback's own small files. */
    Path modelDir();

    /**
     * The factor every optimizer of the model multiplies its configured learning rate by: 1 unless a callback changed
     * it. It lasts for this {@code train} call only; a resumed run starts at 1 again.
     */
    double learningRateMultiplier();

    /** Changes the learning rate multiplier from the next step on (ReduceLROnPlateau, schedules); must be > 0. */
    void setLearningRateMultiplier(double multiplier);
}
