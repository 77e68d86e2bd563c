package org.estimator4j.bench.workloads;

import java.util.function.IntSupplier;

/**
 * How long one phase runs: unmeasured warm-up seconds (JIT compilation, caches, allocator), then measured seconds.
 */
public record Budget(double warmupSeconds, double seconds) {
    public Budget {
        if (!(warmupSeconds >= 0) || !(seconds > 0)) {
            throw new IllegalArgumentException("warm-up must be >= 0 and measured seconds > 0, got " + warmupSeconds
                    + " and " + seconds);
        }
    }

    /**
     * Calls {@code step} (which returns the examples it processed) through the warm-up, then for the measured time;
     * returns measured examples per second. Used wherever a side's loop is its own to drive.
     */
    public double examplesPerSecond(IntSupplier step) {
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < warmupEnd) {
            step.getAsInt();
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long examples = 0;
        long now;
        do {
            examples += step.getAsInt();
            now = System.nanoTime();
        } while (now < end);
        return examples / ((now - start) / 1e9);
    }
}
