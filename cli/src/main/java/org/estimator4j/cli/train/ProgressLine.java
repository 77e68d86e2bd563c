package org.estimator4j.cli.train;

import java.util.Locale;

/**
 * One report of how training goes, as the console shows it (the live line on a terminal, a log line otherwise):
 * {@code step 1,200/4,000  30%  ETA 0:00:12  5,210 examples/s  loss 0.1234}. Without a known total the step stands
 * alone and there is no percentage or ETA.
 *
 * @param step the global step reached
 * @param startStep the global step this run started from (a resumed run starts above 0)
 * @param totalSteps the global step training will stop at, or 0 when it is not known
 * @param elapsedNanos time since this run's first step began
 * @param batchSize rows per step, for examples per second
 * @param smoothedLoss the training loss, smoothed over recent steps (NaN before the first)
 */
record ProgressLine(long step, long startStep, long totalSteps, long elapsedNanos, int batchSize, double smoothedLoss) {

    /** The line's text (no line break). */
    String text() {
        StringBuilder line = new StringBuilder();
        boolean known = totalSteps > 0 && step <= totalSteps;
        line.append(String.format(Locale.ROOT, "step %,d", step));
        double seconds = elapsedNanos / 1e9;
        double stepsPerSecond = seconds > 0 ? (step - startStep) / seconds : 0;
        if (known) {
            line.append(String.format(Locale.ROOT, "/%,d  %3d%%", totalSteps, (int) (100 * step / totalSteps)));
            line.append("  ETA ")
                    .append(
                            stepsPerSecond > 0
                                    ? duration((long) Math.ceil((totalSteps - step) / stepsPerSecond))
                                    : "-");
        }
        line.append("  ")
                .append(
                        stepsPerSecond > 0
                                ? String.format(Locale.ROOT, "%,.0f examples/s", stepsPerSecond * batchSize)
                                : "- examples/s");
        line.append("  loss ")
                .append(Double.isNaN(smoothedLoss) ? "-" : String.format(Locale.ROOT, "%.4f", smoothedLoss));
        return line.toString();
    }

    /** {@code 0:00:12}, {@code 1:02:03}. */
    static String duration(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
