package org.estimator4j.api.estimator;

import java.nio.file.Path;
import java.util.List;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.spi.callback.Callback;

/**
 * A model you train, evaluate, predict with and export, as {@code tf.estimator.Estimator}. Training resumes from the
 * latest checkpoint in the model directory, so calling {@link #train} again continues where the last call (or the last
 * process) stopped.
 *
 * <pre>{@code
 * Estimator model = LinearClassifier.builder(columns).runConfig(RunConfig.builder().modelDir(dir).build()).build();
 * model.train(trainInput, Steps.of(10_000));
 * EvalResult metrics = model.evaluate(evalInput);
 * }</pre>
 *
 * @since 0.1.0
 */
public interface Estimator {
    /** Trains on batches of {@code input} in TRAIN mode until {@code steps} says stop or the input ends. */
    default Estimator train(InputFn input, Steps steps) {
        return train(input, steps, List.of());
    }

    /**
     * Trains as {@link #train(InputFn, Steps)}, calling {@code callbacks} in order on the training thread. A callback
     * may stop training early or save a checkpoint; an exception from one ends training with an
     * {@link IllegalStateException} naming it, and the latest checkpoint stays the last one saved before it.
     */
    Estimator train(InputFn input, Steps steps, List<? extends Callback> callbacks);

    /** Evaluates on {@code input} in EVAL mode until the input ends, as TensorFlow's {@code steps=None}. */
    default EvalResult evaluate(InputFn input) {
        return evaluate(input, Steps.untilEndOfInput());
    }

    /**
     * Evaluates on {@code input} in EVAL mode for at most {@code steps} batches, or until the input ends. An evaluation
     * counts its batches from 0, so {@link Steps#of(long)} and {@link Steps#max(long)} both mean that many batches.
     */
    EvalResult evaluate(InputFn input, Steps steps);

    /** One prediction per example of {@code input} in PREDICT mode, in order. */
    List<Prediction> predict(InputFn input);

    /** The number of training steps taken so far (restored from the latest checkpoint). */
    long globalStep();

    RunConfig runConfig();

    /** Writes a self-contained serving bundle into {@code directory}; returns the bundle's path. */
    Path export(Path directory);
}
