package org.estimator4j.estimators;

import java.util.Locale;

/**
 * Tells when one {@code train} call's loss runs away: a learning rate far too high (FTRL at 1e6 ends with an eval loss
 * of 56,523) keeps the loss finite, so the NaN check never fires and the run would end as if it had succeeded.
 *
 * <p>The rule: training <em>diverges</em> when the smoothed training loss (an exponential moving average over about
 * {@value #SPAN} steps, started at the first step's loss) is more than {@value #FACTOR} times its reference, where the
 * reference is the larger of the first step's loss and the loss the same batch would have with every logit 0 (a
 * classifier predicting the uniform distribution, a regressor predicting 0). A model that learns keeps its loss below
 * both; one that is 10 times worse than predicting nothing is not learning. Checked whenever the loop logs progress
 * and at the end of the call; reported once per call.
 */
final class DivergenceWatch {
    static final int SPAN = 100;
    static final double FACTOR = 10;
    private static final double ALPHA = 2.0 / (SPAN + 1);

    private double reference = Double.NaN;
    private double smoothed = Double.NaN;
    private long firstStep;
    private boolean reported;

    /** Whether the first step has been seen (and {@link #start} is due otherwise). */
    boolean started() {
        return !Double.isNaN(reference);
    }

    /**
     * @param step the global step of the call's first step
     * @param firstLoss its loss
     * @param zeroLogitsLoss the loss of its batch with every logit 0
     */
    void start(long step, double firstLoss, double zeroLogitsLoss) {
        firstStep = step;
        reference = Double.isFinite(zeroLogitsLoss) ? Math.max(firstLoss, zeroLogitsLoss) : firstLoss;
        smoothed = firstLoss;
    }

    /** Folds one step's (finite) loss into the moving average. */
    void add(double loss) {
        smoothed += ALPHA * (loss - smoothed);
    }

    /**
     * The warning to give when the loss has diverged and none was given yet in this call, else null.
     *
     * @param step the current global step
     */
    String check(long step) {
        if (reported || !started() || !(smoothed > FACTOR * reference)) {
            return null;
        }
        reported = true;
        return String.format(
                Locale.ROOT,
                "training is diverging: the smoothed training loss is %.6g at step %d, "
                        + "more than %.0f times the loss at step %d (%.6g, the larger of the first step's loss and the loss "
                        + "of predicting logit 0); lower the learning rate (by 10x or more), normalize numeric columns with "
                        + "large values, or check the labels",
                smoothed,
                step,
                FACTOR,
                firstStep,
                reference);
    }
}
