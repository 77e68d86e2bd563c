package org.estimator4j.cli.train;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.TrainingContext;

/**
 * What {@code e4j train} shows while it trains, on stderr. On a terminal: one live {@link ProgressLine} redrawn in
 * place with {@code \r} (at most every {@value #REDRAW_MILLIS} ms); otherwise a plain line every {@code every} steps.
 * Both end with a line for the last step. Every other line the command prints meanwhile (evaluations, the Ctrl-C
 * notice) goes through {@link #println}, which clears the live line first and redraws it after, so nothing runs into
 * it. It is also where a Ctrl-C ({@code stopRequested}) turns into a stop after the current step, so that the loop
 * ends normally and saves its final checkpoint.
 */
final class TrainingConsole implements Callback {
    static final long REDRAW_MILLIS = 100;
    /** Weight of the newest step's loss in the smoothed loss (an exponential moving average, ~20 steps). */
    private static final double SMOOTHING = 0.05;

    private final PrintWriter err;
    private final boolean live;
    private final long every;
    private final int batchSize;
    private final long totalSteps;
    private final LongSupplier clock;
    private final BooleanSupplier stopRequested;
    private long startNanos;
    private long startStep;
    private long lastDrawNanos;
    private long lastStep;
    private long lastPrintedStep = -1;
    private double smoothedLoss = Double.NaN;
    /** The live line on screen, or empty. */
    private String drawn = "";

    /**
     * @param live redraw one line in place (a terminal) rather than print lines
     * @param every steps between plain lines
     * @param totalSteps the global step training stops at, or 0 when not known
     * @param clock nanoseconds, for rates and redraw pacing
     */
    TrainingConsole(
            PrintWriter err,
            boolean live,
            long every,
            int batchSize,
            long totalSteps,
            LongSupplier clock,
            BooleanSupplier stopRequested) {
        this.err = err;
        this.live = live;
        this.every = Math.max(1, every);
        this.batchSize = batchSize;
        this.totalSteps = totalSteps;
        this.clock = clock;
        this.stopRequested = stopRequested;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        startNanos = clock.getAsLong();
        lastDrawNanos = startNanos;
        startStep = context.globalStep();
        lastStep = startStep;
        if (stopRequested.getAsBoolean()) {
            context.requestStop();
        }
    }

    @Override
    public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
        Double loss = logs.get("loss");
        if (loss != null && Double.isFinite(loss)) {
            smoothedLoss = Double.isNaN(smoothedLoss) ? loss : (1 - SMOOTHING) * smoothedLoss + SMOOTHING * loss;
        }
        lastStep = step;
        if (stopRequested.getAsBoolean()) {
            context.requestStop();
        }
        long now = clock.getAsLong();
        if (live) {
            if (now - lastDrawNanos >= REDRAW_MILLIS * 1_000_000L) {
                draw(line(step, now).text());
                lastDrawNanos = now;
            }
        } else if (step % every == 0) {
            printLine(line(step, now).text());
        }
    }

    @Override
    public void onTrainEnd(TrainingContext context) {
        long step = context.globalStep();
        if (step == startStep) {
            return; // no step ran: nothing to report
        }
        String last = line(step, clock.getAsLong()).text();
        if (live) {
            draw(last);
            finishLine();
        } else if (lastPrintedStep != step) {
            printLine(last);
        }
    }

    /** Prints {@code text} as a line of its own on {@code target} (stdout or stderr), above the live line. */
    synchronized void println(PrintWriter target, String text) {
        String redraw = drawn;
        clear();
        target.println(text);
        target.flush();
        if (!redraw.isEmpty()) {
            draw(redraw);
        }
    }

    private ProgressLine line(long step, long now) {
        return new ProgressLine(step, startStep, totalSteps, now - startNanos, batchSize, smoothedLoss);
    }

    private synchronized void printLine(String text) {
        err.println(text);
        err.flush();
        lastPrintedStep = lastStep;
    }

    /** Redraws the live line: back to the line's start, the text, spaces over what a longer last line left. */
    private synchronized void draw(String text) {
        err.print("\r" + text + " ".repeat(Math.max(0, drawn.length() - text.length())));
        err.flush();
        drawn = text;
    }

    /** Erases the live line, leaving the cursor at its start. */
    private void clear() {
        if (!drawn.isEmpty()) {
            err.print("\r" + " ".repeat(drawn.length()) + "\r");
            err.flush();
            drawn = "";
        }
    }

    /** Ends the live line where it is: it stays on screen, and what follows starts below it. */
    private synchronized void finishLine() {
        if (!drawn.isEmpty()) {
            err.println();
            err.flush();
            drawn = "";
        }
    }
}
