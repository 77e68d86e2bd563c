package org.estimator4j.estimators;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.Set;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.InputFn;

/**
 * The evaluation half of {@link TrainAndEvaluate}, like {@code tf.estimator.EvalSpec} with a {@code BestExporter}:
 * the input and how many batches of it to evaluate (by default all), how often (every N global steps, and always at the
 * end of training), which metric decides the best model, and where the best model is exported. TensorFlow throttles
 * evaluations by seconds; steps are used here so that the same run evaluates at the same points every time.
 */
public final class EvalSpec {
    /** Metrics of the premade heads where a larger value is the better model; for every other metric, smaller is. */
    private static final Set<String> HIGHER_IS_BETTER = Set.of(
            "accuracy", "auc", "auc_precision_recall", "precision", "recall", "r2", "f1", "ks", "binary_accuracy");

    private final InputFn input;
    private final Long steps;
    private final Long everySteps;
    private final String bestMetric;
    private final boolean higherIsBetter;
    private final Path exportDir;
    private final boolean exportLatest;

    private EvalSpec(Builder b) {
        this.input = b.input;
        this.steps = b.steps;
        this.everySteps = b.everySteps;
        this.bestMetric = b.bestMetric;
        this.higherIsBetter = b.higherIsBetter;
        this.exportDir = b.exportDir;
        this.exportLatest = b.exportLatest;
    }

    public static Builder builder(InputFn input) {
        return new Builder(input);
    }

    /**
     * Whether a larger value of {@code metric} is better, for the metrics the premade heads report: true for
     * {@code accuracy}, {@code auc}, {@code auc_precision_recall}, {@code precision}, {@code recall} and {@code r2},
     * false otherwise (losses and errors).
     */
    public static boolean higherIsBetterByDefault(String metric) {
        return HIGHER_IS_BETTER.contains(metric);
    }

    public InputFn input() {
        return input;
    }

    /** How many batches each evaluation reads: {@link Steps#untilEndOfInput()} (the default) for the whole input. */
    public Steps steps() {
        return steps == null ? Steps.untilEndOfInput() : Steps.of(steps);
    }

    /** Evaluate when the global step is a multiple of this; empty to evaluate only at the end of training. */
    public OptionalLong everySteps() {
        return everySteps == null ? OptionalLong.empty() : OptionalLong.of(everySteps);
    }

    public String bestMetric() {
        return bestMetric;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Where bundles go ({@code best/}, {@code latest/}), or null for {@code <model_dir>/export}. */
    public Path exportDir() {
        return exportDir;
    }

    public boolean exportLatest() {
        return exportLatest;
    }

    /** Whether {@code candidate} is strictly better than {@code best} (NaN never is; anything beats no best). */
    boolean isBetter(double candidate, Double best) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        return best == null || (higherIsBetter ? candidate > best : candidate < best);
    }

    @Override
    public String toString() {
        return "EvalSpec{steps=" + steps + ", every_steps=" + everySteps + ", best_metric=" + bestMetric
                + (higherIsBetter ? " (higher is better)" : " (lower is better)") + ", export_dir=" + exportDir
                + ", export_latest=" + exportLatest + "}";
    }

    public static final class Builder {
        private final InputFn input;
        private Long steps;
        private Long everySteps;
        private String bestMetric = "loss";
        private boolean higherIsBetter;
        private Path exportDir;
        private boolean exportLatest;

        private Builder(InputFn input) {
            this.input = requireNonNull(input, "input is null");
        }

        /** Evaluates at most {@code steps} batches of the input each time (TensorFlow's {@code steps}). */
        public Builder steps(long steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("eval steps must be > 0, got " + steps);
            }
            this.steps = steps;
            return this;
        }

        /** Evaluates whenever the global step is a multiple of {@code steps}, besides the end of training. */
        public Builder everySteps(long steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("eval every steps must be > 0, got " + steps);
            }
            this.everySteps = steps;
            return this;
        }

        /** The metric that picks the best model, with its direction from {@link #higherIsBetterByDefault}. */
        public Builder bestMetric(String name) {
            return bestMetric(name, higherIsBetterByDefault(requireNonNull(name, "name is null")));
        }

        /** The metric that picks the best model (default {@code loss}, lower is better). */
        public Builder bestMetric(String name, boolean higherIsBetter) {
            requireNonNull(name, "name is null");
            if (name.isBlank()) {
                throw new IllegalArgumentException(
                        "the best metric's name is empty; use an eval metric such as " + "loss or auc");
            }
            this.bestMetric = name;
            this.higherIsBetter = higherIsBetter;
            return this;
        }

        /** Where the best bundle ({@code best/<step>/}) and the latest one ({@code latest/<step>/}) are written. */
        public Builder exportDir(Path dir) {
            this.exportDir = requireNonNull(dir, "dir is null");
            return this;
        }

        /** Also exports the final model into {@code <export dir>/latest/}, keeping only that bundle there. */
        public Builder exportLatest(boolean exportLatest) {
            this.exportLatest = exportLatest;
            return this;
        }

        public EvalSpec build() {
            return new EvalSpec(this);
        }
    }
}
