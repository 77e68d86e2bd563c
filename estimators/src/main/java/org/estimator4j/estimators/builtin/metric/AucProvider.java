package org.estimator4j.estimators.builtin.metric;

import java.util.Locale;
import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/**
 * {@code auc}: see {@link AreaUnderCurve}. Parameters as Keras' {@code AUC}: {@code curve} ROC (default) or PR,
 * {@code num_thresholds} 200; {@code exact} (not in Keras) ranks every score instead.
 */
public final class AucProvider extends BuiltinProvider<Metric> implements MetricProvider {
    public AucProvider() {
        super(
                "auc",
                "Area under the ROC or precision-recall curve of a binary classifier, thresholded as Keras' AUC "
                        + "or exact",
                ParameterSpec.optional("curve", ParameterType.STRING, "ROC", "ROC or PR (precision-recall)"),
                ParameterSpec.optional(
                        "num_thresholds",
                        ParameterType.INT,
                        200,
                        "thresholds of the thresholded area (> 1); unused when exact"),
                ParameterSpec.optional(
                        "exact",
                        ParameterType.BOOLEAN,
                        false,
                        "rank every score (memory grows with the data) instead of thresholding"));
    }

    @Override
    public Metric create(Parameters parameters) {
        String curve = parameters.getString("curve").toUpperCase(Locale.ROOT);
        if (!curve.equals("ROC") && !curve.equals("PR")) {
            throw new IllegalArgumentException(
                    "auc: curve must be ROC or PR, got '" + parameters.getString("curve") + "'");
        }
        int numThresholds = parameters.getInt("num_thresholds");
        if (numThresholds <= 1) {
            throw new IllegalArgumentException("auc: num_thresholds must be > 1, got " + numThresholds);
        }
        return new AreaUnderCurve(curve.equals("PR"), numThresholds, parameters.getBoolean("exact"));
    }
}
