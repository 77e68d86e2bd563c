package org.estimator4j.bench.workloads;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * How long one phase runs: unmeasured warm-up seconds (JIT compilation, caches, allocator), then measured seconds.
 */
public record Budget(double warmupSeconds, double seconds) {
    public Budget {
        if (!(warmupSeconds >= 0) || !(seconds > 0)) {
            throw new IllegalArgumentException(
                    "warm-up must be >= 0 and measured seconds > 0, got " + warmupSeconds + " and " + seconds);
        }
    }

    /**
     * Calls {@code step} (which returns the examples it processed) through the warm-up, then for the measured time;
     * returns measured examples per second. Used wherever a side's loop is its own to drive.
     */
    public double examplesPerSecond(IntSupplier step) {
        return examplesPerSecond(step, System::nanoTime);
    }

    /** As {@link #examplesPerSecond(IntSupplier)}, on the given nanosecond clock. */
    double examplesPerSecond(IntSupplier step, LongSupplier nanoClock) {
        long warmupEnd = nanoClock.getAsLong() + (long) (warmupSeconds * 1e9);
        while (nanoClock.getAsLong() < warmupEnd) {
            step.getAsInt();
        }
        long start = nanoClock.getAsLong();
        long end = start + (long) (seconds * 1e9);
        long examples = 0;
        long now;
        do {
            examples += step.getAsInt();
            now = nanoClock.getAsLong();
        } while (now < end);
        return examples / ((now - start) / 1e9);
    }
}
