package org.estimator4j.cli.config;

import java.util.List;
import org.estimator4j.estimators.EvalSpec;

/**
 * {@code train}: how long to train ({@code steps} or {@code max_steps}; neither: until the input ends), evaluation
 * during training and the best export, and the callbacks. Absent keys take their defaults here.
 */
record TrainSection(
        Long steps,
        Long maxSteps,
        Long evalEverySteps,
        String bestMetric,
        Boolean bestMetricHigherIsBetter,
        String exportDir,
        List<ComponentSection> callbacks) {

    /** No {@code train} section: every option at its default. */
    static final TrainSection DEFAULTS = new TrainSection(null, null, null, null, null, null, null);

    TrainSection {
        String positiveSteps = "use a positive number of steps";
        steps = ConfigBinder.atLeast("steps", steps, null, 1, positiveSteps);
        maxSteps = ConfigBinder.atLeast("max_steps", maxSteps, null, 1, positiveSteps);
        evalEverySteps = ConfigBinder.atLeast("eval_every_steps", evalEverySteps, null, 1, positiveSteps);
        bestMetric = bestMetric == null ? "loss" : bestMetric;
        bestMetricHigherIsBetter = bestMetricHigherIsBetter != null
                ? bestMetricHigherIsBetter
                : EvalSpec.higherIsBetterByDefault(bestMetric);
        callbacks = callbacks == null ? List.of() : List.copyOf(callbacks);
        if (steps != null && maxSteps != null) {
            throw ConfigBinder.Problem.at("", "give steps or max_steps, not both");
        }
    }
}
