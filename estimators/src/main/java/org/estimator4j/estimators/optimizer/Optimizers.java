package org.estimator4j.estimators.optimizer;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds a dense-part optimizer from its config keys ({@code type}, {@code learning_rate}, ...), as configs and
 * model descriptions store them. */
public final class Optimizers {
    /** The types {@link #fromConfig} knows, in the order error messages list them. */
    public static final List<String> TYPES = List.of("adagrad", "adam", "sgd", "rmsprop");

    private Optimizers() {}

    /**
     * The optimizer {@code config} describes; {@code defaultLearningRate} applies when it names none. Unknown types
     * and keys are errors naming {@code where} (a config path) and the accepted values.
     */
    public static Optimizer fromConfig(Map<String, ?> config, double defaultLearningRate, String where) {
        Object named = config.get("type");
        String type = (named == null ? "adagrad" : named.toString()).toLowerCase(Locale.ROOT);
        Set<String> unused = new HashSet<>(config.keySet());
        unused.remove("type");
        Options o = new Options(config, unused, where);
        double lr = o.number("learning_rate", defaultLearningRate);
        Optimizer built;
        try {
            built = create(type, lr, o);
        } catch (IllegalArgumentException e) {
            // The constructors' range checks ("Adam learning_rate must be > 0"), located in the config.
            throw new IllegalArgumentException(
                    e.getMessage().startsWith(where) ? e.getMessage() : where + ": " + e.getMessage(), e);
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(where + ": unknown option(s) " + new java.util.TreeSet<>(unused)
                    + " for optimizer " + type + "; it takes "
                    + new java.util.TreeSet<>(built.config().keySet()));
        }
        return built;
    }

    private static Optimizer create(String type, double lr, Options o) {
        String where = o.where();
        return switch (type) {
            case "adagrad" ->
                new AdagradOptimizer(lr, o.number("initial_accumulator_value", 0.1), o.number("epsilon", 1e-7));
            case "adam" ->
                new AdamOptimizer(lr, o.number("beta_1", 0.9), o.number("beta_2", 0.999), o.number("epsilon", 1e-7));
            case "sgd" -> new SgdOptimizer(lr, o.number("momentum", 0), o.bool("nesterov", false));
            case "rmsprop" -> new RmsPropOptimizer(lr, o.number("rho", 0.9), o.number("epsilon", 1e-7));
            default ->
                throw new IllegalArgumentException(
                        where + ".type: unknown optimizer '" + type + "'; use one of " + TYPES);
        };
    }

    static void checkPositive(String optimizer, String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(optimizer + " " + option + " must be > 0, got " + value);
        }
    }

    private record Options(Map<String, ?> config, Set<String> unused, String where) {
        double number(String key, double fallback) {
            unused.remove(key);
            Object v = config.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Number n) {
                if (!Double.isFinite(n.doubleValue())) { // 1e400 in JSON, .inf / .nan in YAML
                    throw new IllegalArgumentException(
                            where + "." + key + ": " + v + " is not allowed; use a " + "finite number");
                }
                return n.doubleValue();
            }
            throw new IllegalArgumentException(where + "." + key + ": expected a number, got '" + v + "'");
        }

        boolean bool(String key, boolean fallback) {
            unused.remove(key);
            Object v = config.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            throw new IllegalArgumentException(where + "." + key + ": expected true or false, got '" + v + "'");
        }
    }
}
