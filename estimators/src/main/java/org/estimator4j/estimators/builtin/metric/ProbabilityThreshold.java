package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;

/** The {@code threshold} parameter of the metrics that classify binary examples by probability. */
final class ProbabilityThreshold {
    static final ParameterSpec SPEC = ParameterSpec.optional(
            "threshold", ParameterType.DOUBLE, 0.5, "a probability greater than this predicts class 1");

    private ProbabilityThreshold() {}

    /** The threshold given to {@code metric}, checked to lie in [0, 1]. */
    static double read(String metric, Parameters parameters) {
        double threshold = parameters.getDouble("threshold");
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException(metric + ": threshold must be in [0, 1], got " + threshold);
        }
        return threshold;
    }
}
