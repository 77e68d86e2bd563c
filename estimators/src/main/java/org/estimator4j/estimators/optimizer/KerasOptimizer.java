package org.estimator4j.estimators.optimizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every dense optimizer shares, written once: its name, learning rate (checked positive), slot names and config
 * (its {@code type}, the learning rate, then its own options, in the order given). Subclasses keep their options in
 * fields and write their update loop, the hot path, in {@link #apply}.
 */
abstract class KerasOptimizer implements Optimizer {
    private final String name;
    private final double learningRate;
    private final List<String> slotNames;
    private final Object[] options;

    /**
     * @param options the options after learning_rate as config key, value, key, value, ... (what {@link #config()}
     *     lists and {@code Optimizers.fromConfig} reads back)
     */
    KerasOptimizer(String name, double learningRate, List<String> slotNames, Object... options) {
        Optimizers.checkPositive(name, "learning_rate", learningRate);
        if (options.length % 2 != 0) {
            throw new IllegalArgumentException("options come in key, value pairs, got " + options.length);
        }
        this.name = name;
        this.learningRate = learningRate;
        this.slotNames = List.copyOf(slotNames);
        this.options = options.clone();
    }

    /** A decay rate or momentum: a fraction in [0, 1). */
    static void checkFraction(String optimizer, String option, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(optimizer + " " + option + " must be in [0, 1), got " + value);
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    @Override
    public final List<String> slotNames() {
        return slotNames;
    }

    /** Slots start at 0 unless the optimizer says otherwise (Adagrad's accumulator). */
    @Override
    public float initialSlotValue(int slot) {
        return 0f;
    }

    @Override
    public final Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", name.toLowerCase(Locale.ROOT));
        c.put("learning_rate", learningRate);
        for (int i = 0; i < options.length; i += 2) {
            c.put((String) options[i], options[i + 1]);
        }
        return c;
    }

    @Override
    public final String toString() {
        return name + config();
    }
}
