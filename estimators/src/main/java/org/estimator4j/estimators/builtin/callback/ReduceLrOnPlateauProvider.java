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
 * {@code reduce_lr_on_plateau}: Keras' {@code ReduceLROnPlateau} over evaluations instead of epochs. An evaluation
 * that beats the best by more than {@code min_delta} resets the wait; after {@code patience} evaluations without one,
 * the learning rate multiplier is multiplied by {@code factor} (not below {@code min_lr_multiplier}), and the next
 * {@code cooldown} evaluations do not count towards the wait.
 *
 * <p>Only the multiplier of the optimizers' configured learning rates is known to a callback, so Keras' {@code
 * min_lr} is {@code min_lr_multiplier} here: a lower bound for the multiplier, not for the rate. The reduction lasts
 * for the {@code train} call: a resumed run starts at multiplier 1 with a fresh wait. Without evaluations it does
 * nothing. A {@code learning_rate_scheduler} in the same run sets the multiplier every step and so overrides it.
 */
public final class ReduceLrOnPlateauProvider implements CallbackProvider {
    static final String NAME = "reduce_lr_on_plateau";
    private static final Logger LOG = Logs.get(ReduceLrOnPlateauProvider.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Multiplies the learning rate by a factor when an evaluation metric stops improving, as Keras' "
                + "ReduceLROnPlateau";
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
                        "factor",
                        ParameterType.DOUBLE,
                        0.1,
                        "in (0, 1): the multiplier is multiplied by it on a plateau"),
                ParameterSpec.optional(
                        "patience", ParameterType.INT, 10, "evaluations without improvement before a reduction"),
                ParameterSpec.optional(
                        "mode", ParameterType.STRING, "auto", "min, max, or auto (from the metric's name)"),
                ParameterSpec.optional(
                        "min_delta", ParameterType.DOUBLE, 1e-4, "the smallest change that counts as an improvement"),
                ParameterSpec.optional(
                        "cooldown",
                        ParameterType.INT,
                        0,
                        "evaluations to wait after a reduction before counting again"),
                ParameterSpec.optional(
                        "min_lr_multiplier",
                        ParameterType.DOUBLE,
                        0.0,
                        "the multiplier is not reduced below this (Keras' min_lr, as a multiplier)"));
    }

    @Override
    public Callback create(Parameters parameters) {
        double factor = parameters.getDouble("factor");
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException(
                    NAME + ": factor must be in (0, 1) (it reduces the learning rate), got " + factor);
        }
        double minDelta = parameters.getDouble("min_delta");
        double minMultiplier = parameters.getDouble("min_lr_multiplier");
        if (Double.isNaN(minDelta)
                || Double.isInfinite(minDelta)
                || !(minMultiplier >= 0)
                || Double.isInfinite(minMultiplier)) {
            throw new IllegalArgumentException(NAME + ": min_delta must be a number and min_lr_multiplier a number "
                    + ">= 0, got " + minDelta + " and " + minMultiplier);
        }
        return new ReduceLrOnPlateau(
                Monitor.of(NAME, parameters.getString("monitor"), parameters.getString("mode")),
                factor,
                Callbacks.nonNegative(NAME, "patience", parameters.getInt("patience")),
                minDelta,
                Callbacks.nonNegative(NAME, "cooldown", parameters.getInt("cooldown")),
                minMultiplier);
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    static final class ReduceLrOnPlateau implements Callback {
        private final Monitor monitor;
        private final double factor;
        private final int patience;
        private final double minDelta;
        private final int cooldown;
        private final double minMultiplier;
        private double best;
        private int wait;
        private int cooldownCounter;

        ReduceLrOnPlateau(
                Monitor monitor, double factor, int patience, double minDelta, int cooldown, double minMultiplier) {
            this.monitor = monitor;
            this.factor = factor;
            this.patience = patience;
            this.minDelta = minDelta;
            this.cooldown = cooldown;
            this.minMultiplier = minMultiplier;
            this.best = monitor.worst();
        }

        @Override
        public void onTrainBegin(TrainingContext context) {
            best = monitor.worst();
            wait = 0;
            cooldownCounter = 0;
        }

        @Override
        public void onEvaluation(TrainingContext context, long step, Map<String, Double> metrics) {
            double current = monitor.value(metrics);
            if (cooldownCounter > 0) {
                cooldownCounter--;
                wait = 0;
            }
            if (monitor.improves(current, best, minDelta)) {
                best = current;
                wait = 0;
            } else if (cooldownCounter == 0) {
                wait++;
                if (wait >= patience) {
                    double old = context.learningRateMultiplier();
                    double reduced = Math.max(old * factor, minMultiplier);
                    if (old > minMultiplier && reduced > 0) { // a multiplier must stay > 0
                        context.setLearningRateMultiplier(reduced);
                        LOG.info(String.format(
                                Locale.ROOT,
                                "%s: %s has not improved for %d "
                                        + "evaluation(s); learning rate multiplier %s -> %s at step %d",
                                NAME,
                                monitor.direction(),
                                wait,
                                old,
                                reduced,
                                step));
                        cooldownCounter = cooldown;
                        wait = 0;
                    }
                }
            }
        }
    }
}
