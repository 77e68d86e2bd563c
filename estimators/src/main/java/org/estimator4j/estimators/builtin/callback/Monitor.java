package org.estimator4j.estimators.builtin.callback;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.estimator4j.estimators.EvalSpec;

/**
 * A monitored evaluation metric and which way is better. {@code mode} is {@code min}, {@code max} or {@code auto}:
 * auto picks "higher is better" for the accuracy-like and ranking metrics ({@code accuracy}, {@code auc},
 * {@code auc_precision_recall}, {@code precision}, {@code recall}, {@code f1}, {@code r2}, {@code ks},
 * {@code binary_accuracy}, and any name containing {@code acc} or {@code auc}, as Keras' auto mode guesses) and
 * "lower is better" for everything else (losses and errors); name the mode for other metrics of your own.
 */
record Monitor(String component, String name, boolean higherIsBetter) {
    private static final Set<String> HIGHER_IS_BETTER = Set.of("binary_accuracy", "f1", "ks");

    static Monitor of(String component, String name, String mode) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    component + ": monitor is empty; name an evaluation metric such as " + "loss or auc");
        }
        String bare = bare(name);
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "min" -> new Monitor(component, name, false);
            case "max" -> new Monitor(component, name, true);
            case "auto" ->
                new Monitor(
                        component,
                        name,
                        EvalSpec.higherIsBetterByDefault(bare)
                                || HIGHER_IS_BETTER.contains(bare)
                                || bare.contains("acc")
                                || bare.contains("auc"));
            default ->
                throw new IllegalArgumentException(component + ": mode must be auto, min or max, got '" + mode + "'");
        };
    }

    /** Without Keras' {@code val_} prefix: evaluations report their metrics by their own names. */
    private static String bare(String name) {
        return name.startsWith("val_") ? name.substring(4) : name;
    }

    /**
     * The monitored value in an evaluation's metrics: under its name, or else under its name without {@code val_}.
     *
     * @throws IllegalArgumentException when the evaluation has no such metric, listing the ones it has
     */
    double value(Map<String, Double> metrics) {
        Double v = metrics.get(name);
        if (v == null) {
            v = metrics.get(bare(name));
        }
        if (v == null) {
            throw new IllegalArgumentException(component + " monitors '" + name + "', which the evaluation did not "
                    + "report; it reported " + new TreeSet<>(metrics.keySet()) + ": set monitor to one of them");
        }
        return v;
    }

    /**
     * Whether {@code current} beats {@code reference} by more than {@code minDelta} (Keras' EarlyStopping test,
     * {@code current - minDelta > reference} when higher is better). NaN never beats anything.
     */
    boolean improves(double current, double reference, double minDelta) {
        double delta = Math.abs(minDelta);
        return higherIsBetter ? current - delta > reference : current + delta < reference;
    }

    /** The worst possible value, which any real value improves on. */
    double worst() {
        return higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    String direction() {
        return "'" + name + "' (" + (higherIsBetter ? "higher" : "lower") + " is better)";
    }
}
