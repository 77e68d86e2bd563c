package org.estimator4j.estimators;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.spi.callback.Callback;

/**
 * The training half of {@link TrainAndEvaluate}, as {@code tf.estimator.TrainSpec}: the input, how long to train
 * ({@link Steps#max(long)} is TensorFlow's {@code max_steps}; by default until the input ends) and extra callbacks
 * (TensorFlow's {@code hooks}), which run before the evaluation callback at every step.
 */
public final class TrainSpec {
    private final InputFn input;
    private final Steps steps;
    private final List<Callback> callbacks;

    private TrainSpec(Builder b) {
        this.input = b.input;
        this.steps = b.steps;
        this.callbacks = List.copyOf(b.callbacks);
    }

    public static Builder builder(InputFn input) {
        return new Builder(input);
    }

    public InputFn input() {
        return input;
    }

    public Steps steps() {
        return steps;
    }

    public List<Callback> callbacks() {
        return callbacks;
    }

    @Override
    public String toString() {
        return "TrainSpec{steps=" + steps + ", callbacks=" + callbacks.size() + "}";
    }

    public static final class Builder {
        private final InputFn input;
        private Steps steps = Steps.untilEndOfInput();
        private final List<Callback> callbacks = new ArrayList<>();

        private Builder(InputFn input) {
            this.input = requireNonNull(input, "input is null");
        }

        public Builder steps(Steps steps) {
            this.steps = requireNonNull(steps, "steps is null");
            return this;
        }

        /** Adds callbacks, called in the order added. */
        public Builder callbacks(List<? extends Callback> callbacks) {
            for (Callback c : requireNonNull(callbacks, "callbacks is null")) {
                this.callbacks.add(requireNonNull(c, "a callback is null"));
            }
            return this;
        }

        public TrainSpec build() {
            return new TrainSpec(this);
        }
    }
}
