package org.estimator4j.api.tracking;

import java.util.Map;
import java.util.Objects;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.TrainingContext;

/**
 * Reports a training loop to a {@link RunTracker}: every {@code everySteps} steps the step's logs as
 * {@code train_<name>} ({@code train_loss}), the last step of the call as well, and every evaluation during training
 * (train-and-evaluate) under the metrics' own names ({@code auc}, {@code accuracy}, {@code loss}) at its global step.
 * The prefix keeps the batch training loss apart from the evaluation loss in a run's latest metrics.
 *
 * <p>Logging only queues points (the tracker writes them on its own thread), so the per-step cost is a map lookup.
 * At every checkpoint the queue is flushed (the training thread waits for the write), so a process killed without
 * warning (SIGKILL, power loss) keeps every point up to its last checkpoint, the step training resumes from.
 *
 * @since 0.1.0
 */
public final class TrackingCallback implements Callback {
    /** The prefix of metrics measured by training steps. */
    public static final String TRAIN_PREFIX = "train_";

    private final RunTracker tracker;
    private final long everySteps;
    private long lastStep = -1;
    private long lastLoggedStep = -1;
    private Map<String, Double> lastLogs;

    /**
     * @param everySteps log every this many global steps (TensorFlow's {@code log_step_count_steps}); 1 logs every
     *     step
     */
    public TrackingCallback(RunTracker tracker, long everySteps) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        if (everySteps < 1) {
            throw new IllegalArgumentException("everySteps must be >= 1, got " + everySteps);
        }
        this.everySteps = everySteps;
    }

    @Override
    public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
        lastStep = step;
        lastLogs = logs;
        if (step % everySteps == 0) {
            log(step, logs);
        }
    }

    @Override
    public void onTrainEnd(TrainingContext context) {
        if (lastLogs != null && lastLoggedStep != lastStep) {
            log(lastStep, lastLogs);
        }
    }

    @Override
    public void onCheckpointSaved(TrainingContext context, long step) {
        tracker.flush();
    }

    @Override
    public void onEvaluation(TrainingContext context, long step, Map<String, Double> metrics) {
        metrics.forEach((name, value) -> {
            if (value != null) {
                tracker.logMetric(name, value, step);
            }
        });
    }

    private void log(long step, Map<String, Double> logs) {
        logs.forEach((name, value) -> {
            if (value != null) {
                tracker.logMetric(TRAIN_PREFIX + name, value, step);
            }
        });
        lastLoggedStep = step;
    }
}
