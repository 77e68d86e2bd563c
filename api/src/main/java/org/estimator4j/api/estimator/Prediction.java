package org.estimator4j.api.estimator;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One example's prediction, with TensorFlow's keys: classifiers fill {@code logits}, {@code probabilities},
 * {@code classIds} and {@code classes} (binary ones also {@code logistic}); regressors fill {@code predictions}. Fields
 * that do not apply are null.
 *
 * @since 0.1.0
 */
public record Prediction(
        float[] logits,
        float[] logistic,
        float[] probabilities,
        long[] classIds,
        String[] classes,
        float[] predictions) {

    public static Prediction regression(float[] predictions) {
        return new Prediction(null, null, null, null, null, predictions);
    }

    /** The non-null fields under TensorFlow's names, for JSON output. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "logits", logits);
        put(m, "logistic", logistic);
        put(m, "probabilities", probabilities);
        put(m, "class_ids", classIds);
        put(m, "classes", classes);
        put(m, "predictions", predictions);
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p
                && Arrays.equals(p.logits, logits)
                && Arrays.equals(p.logistic, logistic)
                && Arrays.equals(p.probabilities, probabilities)
                && Arrays.equals(p.classIds, classIds)
                && Arrays.equals(p.classes, classes)
                && Arrays.equals(p.predictions, predictions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(logits) * 31 + Arrays.hashCode(predictions);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Prediction{");
        asMap().forEach((k, v) -> sb.append(k)
                .append('=')
                .append(
                        v instanceof float[] f
                                ? Arrays.toString(f)
                                : v instanceof long[] l ? Arrays.toString(l) : Arrays.toString((Object[]) v))
                .append(", "));
        return sb.append('}').toString();
    }
}
