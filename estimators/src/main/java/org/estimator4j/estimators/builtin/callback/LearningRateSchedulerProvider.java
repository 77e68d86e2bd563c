package org.estimator4j.estimators.builtin.callback;

import java.util.List;
import java.util.Locale;
import java.util.function.LongToDoubleFunction;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.CallbackProvider;
import org.estimator4j.spi.callback.TrainingContext;

/**
 * {@code learning_rate_scheduler}: Keras' learning rate schedules, as multipliers of the optimizers' configured
 * rates, set before every step from the global step the optimizers have completed (Keras calls a schedule with
 * {@code optimizer.iterations}; the first step of a model uses step 0). Because the global step counts earlier runs in
 * the model directory, a resumed run continues the schedule where the last one stopped.
 *
 * <ul>
 *   <li>{@code exponential_decay} ({@code ExponentialDecay} with an initial rate of 1): {@code decay_rate ^ (step /
 *       decay_steps)}, the exponent floored when {@code staircase}.
 *   <li>{@code piecewise_constant} ({@code PiecewiseConstantDecay}): {@code values[0]} while step &lt;=
 *       {@code boundaries[0]}, {@code values[i]} while step &lt;= {@code boundaries[i]}, and the last value beyond;
 *       {@code values} has one more entry than {@code boundaries}.
 *   <li>{@code cosine_decay} ({@code CosineDecay} without warm-up): {@code (1 - alpha) (1 + cos(π min(step,
 *       decay_steps) / decay_steps)) / 2 + alpha}.
 * </ul>
 *
 * <p>Keras' schedules have no defaults for their decay parameters; the ones here ({@code decay_steps} 1000, {@code
 * decay_rate} 0.96, {@code boundaries} none, {@code values} [1.0]) only make every parameter optional. The training
 * context refuses a multiplier of 0, so where a schedule reaches 0 (cosine decay with {@code alpha} 0 at its end) the
 * multiplier is the smallest positive double: no learning to speak of, as in Keras. It overrides any other callback's
 * multiplier ({@code reduce_lr_on_plateau}) every step.
 */
public final class LearningRateSchedulerProvider implements CallbackProvider {
    static final String NAME = "learning_rate_scheduler";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Sets the learning rate multiplier every step from a schedule: exponential_decay, piecewise_constant "
                + "or cosine_decay";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.optional(
                        "schedule",
                        ParameterType.STRING,
                        "exponential_decay",
                        "exponential_decay, piecewise_constant or cosine_decay"),
                ParameterSpec.optional(
                        "decay_steps",
                        ParameterType.INT,
                        1000,
                        "exponential_decay, cosine_decay: the steps of one decay period (> 0)"),
                ParameterSpec.optional(
                        "decay_rate",
                        ParameterType.DOUBLE,
                        0.96,
                        "exponential_decay: the multiplier after each decay period (> 0)"),
                ParameterSpec.optional(
                        "staircase", ParameterType.BOOLEAN, false, "exponential_decay: decay in whole periods"),
                ParameterSpec.optional(
                        "boundaries",
                        ParameterType.INT_LIST,
                        List.of(),
                        "piecewise_constant: increasing global steps where the multiplier changes"),
                ParameterSpec.optional(
                        "values",
                        ParameterType.DOUBLE_LIST,
                        List.of(1.0),
                        "piecewise_constant: the multipliers (> 0), one more than boundaries"),
                ParameterSpec.optional(
                        "alpha", ParameterType.DOUBLE, 0.0, "cosine_decay: the final multiplier, in [0, 1]"));
    }

    @Override
    public Callback create(Parameters parameters) {
        String schedule = parameters.getString("schedule").toLowerCase(Locale.ROOT);
        return new Scheduler(
                switch (schedule) {
                    case "exponential_decay" -> exponential(parameters);
                    case "piecewise_constant" -> piecewise(parameters);
                    case "cosine_decay" -> cosine(parameters);
                    default ->
                        throw new IllegalArgumentException(NAME + ": schedule must be exponential_decay, "
                                + "piecewise_constant or cosine_decay, got '" + parameters.getString("schedule") + "'");
                });
    }

    private static LongToDoubleFunction exponential(Parameters p) {
        int decaySteps = Callbacks.positive(NAME, "decay_steps", p.getInt("decay_steps"));
        double rate = p.getDouble("decay_rate");
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(NAME + ": decay_rate must be > 0, got " + rate);
        }
        boolean staircase = p.getBoolean("staircase");
        return step -> {
            double periods = (double) step / decaySteps;
            return Math.pow(rate, staircase ? Math.floor(periods) : periods);
        };
    }

    private static LongToDoubleFunction piecewise(Parameters p) {
        List<Integer> boundaries = p.getIntList("boundaries");
        List<Double> values = p.getDoubleList("values");
        if (values.size() != boundaries.size() + 1) {
            throw new IllegalArgumentException(NAME + ": piecewise_constant needs one more value than boundaries, got "
                    + boundaries.size() + " boundaries " + boundaries + " and " + values.size() + " values " + values);
        }
        for (int i = 1; i < boundaries.size(); i++) {
            if (boundaries.get(i) <= boundaries.get(i - 1)) {
                throw new IllegalArgumentException(NAME + ": boundaries must increase, got " + boundaries);
            }
        }
        for (double v : values) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(
                        NAME + ": values are learning rate multipliers and must be > 0, " + "got " + values);
            }
        }
        long[] b = boundaries.stream().mapToLong(Integer::longValue).toArray();
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        return step -> {
            int i = 0;
            while (i < b.length && step > b[i]) {
                i++;
            }
            return v[i];
        };
    }

    private static LongToDoubleFunction cosine(Parameters p) {
        int decaySteps = Callbacks.positive(NAME, "decay_steps", p.getInt("decay_steps"));
        double alpha = p.getDouble("alpha");
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException(NAME + ": alpha must be in [0, 1], got " + alpha);
        }
        return step -> {
            double fraction = (double) Math.min(step, decaySteps) / decaySteps;
            return (1 - alpha) * 0.5 * (1 + Math.cos(Math.PI * fraction)) + alpha;
        };
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    static final class Scheduler implements Callback {
        private final LongToDoubleFunction schedule;

        Scheduler(LongToDoubleFunction schedule) {
            this.schedule = schedule;
        }

        @Override
        public void onStepBegin(TrainingContext context, long step) {
            // The optimizers have completed step - 1 updates: Keras' optimizer.iterations.
            double multiplier = Math.max(schedule.applyAsDouble(step - 1), Double.MIN_VALUE);
            if (multiplier != context.learningRateMultiplier()) {
                context.setLearningRateMultiplier(multiplier);
            }
        }
    }
}
