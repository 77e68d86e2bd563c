package org.estimator4j.estimators.builtin.callback;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.CallbackProvider;
import org.estimator4j.spi.callback.TrainingContext;

/**
 * {@code progress_bar}: a one-line progress report on standard error, in the spirit of Keras' progress bar: every
 * {@code every_n_steps} global steps the step, the steps per second since the previous report, a smoothed training
 * loss (an exponential moving average over steps, weight 0.1 for the newest) and the elapsed time; and a line per
 * evaluation with its metrics. On a terminal (a {@link System#console() console}) the step line is redrawn in place
 * with a carriage return; otherwise (logs, CI) every report is its own line.
 *
 * <p>There is no bar and no ETA: a callback does not learn how many steps the {@code train} call will run (the steps
 * requested, or the end of the input), so only the steps done and the rate are known.
 */
public final class ProgressBarProvider implements CallbackProvider {
    static final String NAME = "progress_bar";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Reports the step, steps per second, smoothed loss and evaluations on standard error";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.optional("every_n_steps", ParameterType.INT, 100, "report every this many global steps"));
    }

    @Override
    public Callback create(Parameters parameters) {
        int every = Callbacks.positive(NAME, "every_n_steps", parameters.getInt("every_n_steps"));
        return new ProgressBar(every, System.err, System.console() != null, System::nanoTime);
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    static final class ProgressBar implements Callback {
        private static final double SMOOTHING = 0.1;
        private final int every;
        private final PrintStream out;
        private final boolean interactive;
        private final LongSupplier clock;
        private long startNanos;
        private long startStep;
        private long lastNanos;
        private long lastStep;
        private double smoothedLoss = Double.NaN;
        private int drawnWidth;

        ProgressBar(int every, PrintStream out, boolean interactive, LongSupplier clock) {
            this.every = every;
            this.out = out;
            this.interactive = interactive;
            this.clock = clock;
        }

        @Override
        public void onTrainBegin(TrainingContext context) {
            startNanos = clock.getAsLong();
            lastNanos = startNanos;
            startStep = context.globalStep();
            lastStep = startStep;
            smoothedLoss = Double.NaN;
            drawnWidth = 0;
        }

        @Override
        public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
            Double loss = logs.get("loss");
            if (loss != null && !loss.isNaN() && !loss.isInfinite()) {
                smoothedLoss = Double.isNaN(smoothedLoss) ? loss : (1 - SMOOTHING) * smoothedLoss + SMOOTHING * loss;
            }
            if (step % every == 0) {
                long now = clock.getAsLong();
                double seconds = (now - lastNanos) / 1e9;
                String rate = seconds > 0
                        ? String.format(Locale.ROOT, "%.1f steps/s", (step - lastStep) / seconds)
                        : "- steps/s";
                draw(String.format(
                        Locale.ROOT, "step %d  %s  loss %.4f  elapsed %s", step, rate, smoothedLoss, elapsed(now)));
                lastNanos = now;
                lastStep = step;
            }
        }

        @Override
        public void onEvaluation(TrainingContext context, long step, Map<String, Double> metrics) {
            StringBuilder line =
                    new StringBuilder("evaluation at step ").append(step).append(':');
            for (Map.Entry<String, Double> m : new TreeMap<>(metrics).entrySet()) {
                if (!m.getKey().equals("global_step")) {
                    line.append(String.format(Locale.ROOT, " %s %.4f", m.getKey(), m.getValue()));
                }
            }
            endLine();
            out.println(line);
            out.flush();
        }

        @Override
        public void onTrainEnd(TrainingContext context) {
            endLine();
            long steps = context.globalStep() - startStep;
            out.println(String.format(
                    Locale.ROOT,
                    "trained %d step(s) to global step %d in %s",
                    steps,
                    context.globalStep(),
                    elapsed(clock.getAsLong())));
            out.flush();
        }

        private String elapsed(long now) {
            long s = Math.max(0, (now - startNanos) / 1_000_000_000L);
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }

        /** The step line: redrawn in place on a terminal (padded over a longer previous one), else printed. */
        private void draw(String line) {
            if (interactive) {
                int pad = Math.max(0, drawnWidth - line.length());
                out.print("\r" + line + " ".repeat(pad));
                drawnWidth = line.length();
            } else {
                out.println(line);
            }
            out.flush();
        }

        /** Moves past a step line drawn in place, so that the next output starts on a line of its own. */
        private void endLine() {
            if (interactive && drawnWidth > 0) {
                out.println();
                drawnWidth = 0;
            }
        }
    }
}
