package org.estimator4j.api.estimator;

/**
 * How long {@link Estimator#train} runs, as TensorFlow's {@code steps} / {@code max_steps}: {@link #of(long)} more
 * steps from wherever training is, {@link #max(long)} until the global step reaches a total (nothing to do if it
 * already has), or {@link #untilEndOfInput()}. Giving one kind rules out the other, so the TF error of passing both
 * cannot happen.
 *
 * @since 0.1.0
 */
public record Steps(long count, boolean absolute) {
    public Steps {
        if (count < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + count);
        }
    }

    /** {@code steps}: this many more steps. */
    public static Steps of(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be > 0, got " + steps);
        }
        return new Steps(steps, false);
    }

    /** {@code max_steps}: until the global step is {@code maxSteps}. */
    public static Steps max(long maxSteps) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("max steps must be > 0, got " + maxSteps);
        }
        return new Steps(maxSteps, true);
    }

    /** Until the training input ends. */
    public static Steps untilEndOfInput() {
        return new Steps(Long.MAX_VALUE, false);
    }

    /** The global step to stop at, from the step training starts at. */
    public long stopAt(long globalStep) {
        if (absolute) {
            return count;
        }
        return count == Long.MAX_VALUE ? Long.MAX_VALUE : globalStep + count;
    }
}
