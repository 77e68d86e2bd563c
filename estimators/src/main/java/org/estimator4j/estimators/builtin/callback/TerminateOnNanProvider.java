package org.estimator4j.estimators.builtin.callback;

import java.util.List;
import java.util.Map;
import org.estimator4j.api.internal.Logs;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.CallbackProvider;
import org.estimator4j.spi.callback.TrainingContext;
import org.slf4j.Logger;

/**
 * {@code terminate_on_nan}: stops training, as Keras' {@code TerminateOnNaN}, when a loss it is told of is NaN or
 * infinite: a step's training loss, or an evaluation's {@code loss}.
 *
 * <p>The training loop guards the training loss itself, before the step's update and before any callback hears of
 * it: a non-finite training loss fails the {@code train} call at once with an error, the last checkpoint intact and
 * no NaN weights written. So with the estimators' loop this callback never sees a NaN training loss (its check is for
 * loops without that guard), and what it adds is the evaluation: an evaluation whose loss is NaN or infinite (for
 * instance from NaN features in the evaluation data, which training never saw) stops training gracefully after that
 * step, with its final checkpoint saved, instead of training on while every evaluation is meaningless.
 */
public final class TerminateOnNanProvider implements CallbackProvider {
    static final String NAME = "terminate_on_nan";
    private static final Logger LOG = Logs.get(TerminateOnNanProvider.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Stops training when the training loss or an evaluation's loss is NaN or infinite, as Keras' "
                + "TerminateOnNaN";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Callback create(Parameters parameters) {
        return new Callback() {
            @Override
            public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
                check(context, step, "training loss", logs.get("loss"));
            }

            @Override
            public void onEvaluation(TrainingContext context, long step, Map<String, Double> metrics) {
                check(context, step, "evaluation loss", metrics.get("loss"));
            }
        };
    }

    private static void check(TrainingContext context, long step, String what, Double loss) {
        if (loss != null && (loss.isNaN() || loss.isInfinite())) {
            LOG.warn("{}: the {} is {} at step {}; stopping training", NAME, what, loss, step);
            context.requestStop();
        }
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
