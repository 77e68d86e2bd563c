package org.estimator4j.estimators.widedeep;

import java.util.LinkedHashMap;
import java.util.Map;
import org.estimator4j.api.table.Batch;
import org.estimator4j.estimators.Model;

/**
 * Wide and deep: {@code logits = linear logits + dnn logits}. The loss gradient with respect to the sum is the
 * gradient with respect to each part, so each part takes its own optimizer step from the same d(loss)/d(logits).
 * Either part may be absent (TensorFlow allows a wide-and-deep estimator with only one kind of column).
 */
public final class WideDeepPart implements Model {
    private final Model linear;
    private final Model dnn;

    /** @param linear the wide part, or null; @param dnn the deep part, or null (not both) */
    public WideDeepPart(Model linear, Model dnn) {
        if (linear == null && dnn == null) {
            throw new IllegalArgumentException("wide and deep needs linear or dnn feature columns, or both");
        }
        if (linear != null && dnn != null && linear.logitsDimension() != dnn.logitsDimension()) {
            throw new IllegalArgumentException(
                    "the parts' logits differ: " + linear.logitsDimension() + " and " + dnn.logitsDimension());
        }
        this.linear = linear;
        this.dnn = dnn;
    }

    @Override
    public int logitsDimension() {
        return linear != null ? linear.logitsDimension() : dnn.logitsDimension();
    }

    @Override
    public float[] forward(Batch features, boolean training) {
        return sum(
                linear == null ? null : linear.forward(features, training),
                dnn == null ? null : dnn.forward(features, training));
    }

    @Override
    public float[] inference(Batch features) {
        return sum(linear == null ? null : linear.inference(features), dnn == null ? null : dnn.inference(features));
    }

    private static float[] sum(float[] a, float[] b) {
        if (a == null) {
            return b;
        }
        if (b != null) {
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
        }
        return a;
    }

    @Override
    public void backward(float[] dLogits) {
        if (linear != null) {
            linear.backward(dLogits);
        }
        if (dnn != null) {
            dnn.backward(dLogits);
        }
    }

    @Override
    public Map<String, float[]> variables() {
        Map<String, float[]> all = new LinkedHashMap<>();
        if (linear != null) {
            all.putAll(linear.variables());
        }
        if (dnn != null) {
            all.putAll(dnn.variables());
        }
        return all;
    }

    @Override
    public void restore(Map<String, float[]> saved) {
        if (linear != null) {
            linear.restore(saved);
        }
        if (dnn != null) {
            dnn.restore(saved);
        }
    }

    @Override
    public void setLearningRateMultiplier(double multiplier) {
        if (linear != null) {
            linear.setLearningRateMultiplier(multiplier);
        }
        if (dnn != null) {
            dnn.setLearningRateMultiplier(multiplier);
        }
    }
}
