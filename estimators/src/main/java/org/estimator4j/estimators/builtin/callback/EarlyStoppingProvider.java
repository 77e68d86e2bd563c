package org.estimator4j.estimators.builtin.callback;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.estimator4j.api.internal.Logs;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.CallbackProvider;
import org.estimator4j.spi.callback.TrainingContext;
import org.slf4j.Logger;

/**
 * {@code early_stopping}: Keras' {@code EarlyStopping} over evaluations instead of epochs. Each evaluation of a
 * {@code train} call counts: one that beats the best so far by more than {@code min_delta} becomes the best and, if it
 * also beats {@code baseline} (when one is given), resets the wait; after {@code patience} evaluations in a row
 * without that, training stops (not at the first evaluation, as Keras never stops at epoch 0). The final checkpoint
 * is saved and train-and-evaluate keeps its best export as usual.
 *
 * <p>It watches evaluations only: with {@code train} alone (no evaluations) it never stops training, whatever it
 * monitors; the per-step training loss is too noisy to stop on. A monitored metric missing from an evaluation is an
 * error naming the ones it has (Keras warns and goes on).
 *
 * <p>{@code restore_best_weights} is accepted only as false: a callback cannot put another checkpoint's weights into
 * the model being trained (the training context has no such operation), and a fake would leave the final checkpoint
 * holding the last weights. Keep the best model with train-and-evaluate's best export, or with {@code
 * model_checkpoint} and {@code save_best_only}, which keeps a copy of the best checkpoint. Keras' {@code
 * start_from_epoch} is not offered.
 */
public final class EarlyStoppingProvider implements CallbackProvider {
    static final String NAME = "early_stopping";
    private static final Logger LOG = Logs.get(EarlyStoppingProvider.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Stops training when an evaluation metric has stopped improving, as Keras' EarlyStopping";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.optional(
                        "monitor",
                        ParameterType.STRING,
                        "loss",
                        "the evaluation metric to watch (val_ prefix allowed)"),
                ParameterSpec.optional(
                        "min_delta", ParameterType.DOUBLE, 0.0, "the smallest change that counts as an improvement"),
                ParameterSpec.optional(
                        "patience", ParameterType.INT, 0, "evaluations without improvement before stopping"),
                ParameterSpec.optional(
                        "mode", ParameterType.STRING, "auto", "min, max, or auto (from the metric's name)"),
                ParameterSpec.optional(
                        "baseline",
                        ParameterType.DOUBLE,
                        Double.NaN,
                        "a value the metric must beat to reset the patience; NaN for none"),
                ParameterSpec.optional(
                        "restore_best_weights",
                        ParameterType.BOOLEAN,
                        false,
                        "not supported: must be false (see the documentation)"));
    }

    @Override
    public Callback create(Parameters parameters) {
        if (parameters.getBoolean("restore_best_weights")) {
            throw new IllegalArgumentException(NAME + ": restore_best_weights is not supported, because a callback "
                    + "cannot load other weights into the model being trained; keep the best model with "
                    + "train-and-evaluate's best export (best_metric), or with model_checkpoint and save_best_only, "
                    + "and set restore_best_weights to false");
        }
        Monitor monitor = Monitor.of(NAME, parameters.getString("monitor"), parameters.getString("mode"));
        double minDelta = parameters.getDouble("min_delta");
        if (Double.isNaN(minDelta) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException(NAME + ": min_delta must be a number, got " + minDelta);
        }
        int patience = Callbacks.nonNegative(NAME, "patience", parameters.getInt("patience"));
        return new EarlyStopping(monitor, minDelta, patience, parameters.getDouble("baseline"));
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    /** The state of one training run; reset when a {@code train} call begins, as a Keras callback is reused. */
    static final class EarlyStopping implements Callback {
        private final Monitor monitor;
        private final double minDelta;
        private final int patience;
        private final double baseline;
        private int evaluations;
        private int wait;
        private double best;
        private long bestStep = -1;

        EarlyStopping(Monitor monitor, double minDelta, int patience, double baseline) {
            this.monitor = monitor;
            this.minDelta = minDelta;
            this.patience = patience;
            this.baseline = baseline;
            this.best = monitor.worst();
        }

        @Override
        public void onTrainBegin(TrainingContext context) {
            evaluations = 0;
            wait = 0;
            best = monitor.worst();
            bestStep = -1;
        }

        @Override
        public void onEvaluation(TrainingContext context, long step, Map<String, Double> metrics) {
            double current = monitor.value(metrics);
            int index = evaluations++;
            wait++;
            if (monitor.improves(current, best, minDelta)) {
                best = current;
                bestStep = step;
                if (Double.isNaN(baseline) || monitor.improves(current, baseline, minDelta)) {
                    wait = 0;
                }
                return;
            }
            if (wait >= patience && index > 0) {
                LOG.info(String.format(
                        Locale.ROOT,
                        "%s: %s has not improved for %d " + "evaluation(s) (best %s at step %d); stopping at step %d",
                        NAME,
                        monitor.direction(),
                        wait,
                        best,
                        bestStep,
                        step));
                context.requestStop();
            }
        }
    }
}
