package org.estimator4j.bench.estimators;

import org.estimator4j.api.input.InputFn;
import org.estimator4j.api.input.LabeledBatch;

/**
 * Times the training loop inside {@code train()}: wraps an input function and notes when the estimator takes its
 * first and its last batch. Between the two lie the steps alone; before the first lie building (or restoring) the
 * model, after the last the final step and the checkpoint. With a 1.6 GB model those ends take tens of seconds and
 * would otherwise hide the step rate in an end-to-end figure.
 */
public final class StepClock {
    private long firstNanos;
    private long lastNanos;
    private long rowsAfterFirst;
    private long batches;

    /** {@code input}, with each batch noted as the estimator pulls it (on its own thread, after any prefetching). */
    public InputFn wrap(InputFn input) {
        return mode -> input.apply(mode).map(this::note);
    }

    private LabeledBatch note(LabeledBatch b) {
        long now = System.nanoTime();
        if (batches++ == 0) {
            firstNanos = now;
        } else {
            rowsAfterFirst += b.numRows();
        }
        lastNanos = now;
        return b;
    }

    /**
     * Examples/s of the steps between the first batch and the last one: the rows of batches 2..n over the time from
     * taking batch 1 to taking batch n (which is steps 1..n-1 plus reading batches 2..n).
     */
    public double loopExamplesPerSecond() {
        return rowsAfterFirst / ((lastNanos - firstNanos) / 1e9);
    }

    /** Seconds from {@code startNanos} (when {@code train()} was called) to the first batch: building the model. */
    public double secondsBeforeFirstBatch(long startNanos) {
        return (firstNanos - startNanos) / 1e9;
    }

    /** Seconds from the last batch to {@code endNanos} (when {@code train()} returned): last step and checkpoint. */
    public double secondsAfterLastBatch(long endNanos) {
        return (endNanos - lastNanos) / 1e9;
    }
}
