package org.estimator4j.estimators.baseline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.estimator4j.api.table.Batch;
import org.estimator4j.estimators.Model;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;

/**
 * TensorFlow's baseline model: the logits are one learned bias per output, whatever the features, so a classifier
 * learns the label prior and a regressor the label mean. Trained with FTRL like the linear model.
 */
public final class BaselinePart implements Model {
    private static final String BIAS = "baseline/bias";
    private final int logitsDim;
    private final FtrlOptimizer configured;
    private FtrlOptimizer optimizer;
    private final float[] slots; // weight, accumulator, linear per output
    private int lastRows;

    public BaselinePart(int logitsDim, FtrlOptimizer optimizer) {
        this.logitsDim = logitsDim;
        this.configured = optimizer;
        this.optimizer = optimizer;
        this.slots = optimizer.newSlots(logitsDim, 3);
    }

    @Override
    public int logitsDimension() {
        return logitsDim;
    }

    @Override
    public float[] forward(Batch features, boolean training) {
        lastRows = features.numRows();
        return inference(features);
    }

    @Override
    public float[] inference(Batch features) {
        int n = features.numRows();
        float[] logits = new float[n * logitsDim];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < logitsDim; k++) {
                logits[r * logitsDim + k] = slots[3 * k + FtrlOptimizer.WEIGHT];
            }
        }
        return logits;
    }

    @Override
    public void backward(float[] dLogits) {
        for (int k = 0; k < logitsDim; k++) {
            float g = 0;
            for (int r = 0; r < lastRows; r++) {
                g += dLogits[r * logitsDim + k];
            }
            optimizer.apply(slots, 3 * k, g);
        }
    }

    @Override
    public Map<String, float[]> variables() {
        Map<String, float[]> m = new LinkedHashMap<>();
        m.put(BIAS, slice(FtrlOptimizer.WEIGHT));
        m.put(BIAS + "/Ftrl", slice(FtrlOptimizer.ACCUMULATOR));
        m.put(BIAS + "/Ftrl_1", slice(FtrlOptimizer.LINEAR));
        return m;
    }

    private float[] slice(int offset) {
        float[] out = new float[logitsDim];
        for (int k = 0; k < logitsDim; k++) {
            out[k] = slots[3 * k + offset];
        }
        return out;
    }

    @Override
    public void restore(Map<String, float[]> saved) {
        load(saved, BIAS, FtrlOptimizer.WEIGHT);
        load(saved, BIAS + "/Ftrl", FtrlOptimizer.ACCUMULATOR);
        load(saved, BIAS + "/Ftrl_1", FtrlOptimizer.LINEAR);
    }

    private void load(Map<String, float[]> saved, String name, int offset) {
        float[] v = saved.get(name);
        if (v == null || v.length != logitsDim) {
            throw new IllegalStateException("the checkpoint has no variable '" + name + "' of " + logitsDim
                    + " values; it was written by a different model: use a new model_dir");
        }
        for (int k = 0; k < logitsDim; k++) {
            slots[3 * k + offset] = v[k];
        }
    }

    @Override
    public void setLearningRateMultiplier(double multiplier) {
        this.optimizer = configured.scaledBy(multiplier);
    }
}
