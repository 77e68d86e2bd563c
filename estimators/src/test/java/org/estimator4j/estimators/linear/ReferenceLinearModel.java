package org.estimator4j.estimators.linear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.DenseColumn;
import org.estimator4j.features.SparseIds;
import org.estimator4j.features.transform.FeatureTransformer;
import org.estimator4j.features.transform.TransformedBatch;

/**
 * The linear model as it was before its loops were specialised (column by column, row by row, one FTRL update per
 * entry through {@link FtrlOptimizer#apply}), kept as the reference the fast paths must equal bit for bit.
 *
 * <p>TensorFlow's linear model: {@code logits = bias + Σ over categorical columns of the combined weights of the
 * example's ids + dense values · their weights}, trained with FTRL. Cost per example is O(active ids), never
 * O(buckets): a categorical column's weights are a {@code numBuckets × logitsDim} array read and updated only at the
 * ids a batch holds (a 10^6-bucket cross is never a one-hot vector). Gradients of ids repeated within a batch are
 * summed before one FTRL update per id, as TensorFlow's sparse apply does with duplicate indices.
 *
 * <p>Not thread-safe: one training thread. Variables are named as TensorFlow names them
 * ({@code linear/linear_model/<column>/weights}, {@code linear/linear_model/bias_weights}).
 */
final class ReferenceLinearModel {
    /**
     * One trainable variable: per entry, four floats side by side (weight, FTRL accumulator, FTRL linear, this
     * batch's gradient), so that reading and updating an id touches one cache line even in a 10^6-bucket variable.
     * An untouched entry's gradient slot holds NaN, which doubles as the "already listed" mark.
     */
    static final class Variable {
        private static final int STRIDE = 4;
        private static final int GRADIENT = 3;

        final String name;
        final int size;
        final float[] slots;
        int[] touched; // the entries this batch's gradient touched, in first-touch order
        int touchedCount;

        Variable(String name, int size, FtrlOptimizer optimizer) {
            this.name = name;
            this.size = size;
            this.slots = optimizer.newSlots(size, STRIDE);
            for (int i = 0; i < size; i++) {
                slots[i * STRIDE + GRADIENT] = Float.NaN;
            }
            this.touched = new int[Math.max(16, Math.min(size, 1 << 16))];
        }

        float weight(int i) {
            return slots[i * STRIDE];
        }

        /** Adds {@code g} to entry i's gradient, remembering i for the update. */
        void addGradient(int i, float g) {
            int at = i * STRIDE + GRADIENT;
            float current = slots[at];
            if (current != current) { // NaN: first gradient for i in this batch
                if (touchedCount == touched.length) {
                    touched = java.util.Arrays.copyOf(touched, touchedCount * 2);
                }
                touched[touchedCount++] = i;
                slots[at] = g;
            } else {
                slots[at] = current + g;
            }
        }

        /** One FTRL step for every touched entry; clears the gradient for the next batch. */
        void apply(FtrlOptimizer optimizer) {
            for (int t = 0; t < touchedCount; t++) {
                int base = touched[t] * STRIDE;
                optimizer.apply(slots, base, slots[base + GRADIENT]);
                slots[base + GRADIENT] = Float.NaN;
            }
            touchedCount = 0;
        }

        /** Slot {@code offset} of every entry, as its own array (for checkpoints). */
        float[] copy(int offset) {
            float[] out = new float[size];
            for (int i = 0; i < size; i++) {
                out[i] = slots[i * STRIDE + offset];
            }
            return out;
        }
    }

    private final int logitsDim;
    private final SparseCombiner combiner;
    private final FtrlOptimizer configured;
    private FtrlOptimizer optimizer;
    private final List<CategoricalColumn> sparseColumns;
    private final List<Variable> sparseVariables = new ArrayList<>();
    private final List<DenseColumn> denseColumns;
    private final Variable denseVariable; // denseWidth × logitsDim, or null
    private final int denseWidth;
    private final Variable bias;

    ReferenceLinearModel(
            FeatureTransformer transformer, int logitsDim, SparseCombiner combiner, FtrlOptimizer optimizer) {
        this.logitsDim = logitsDim;
        this.combiner = combiner;
        this.configured = optimizer;
        this.optimizer = optimizer;
        this.sparseColumns = transformer.sparseColumns();
        for (CategoricalColumn c : sparseColumns) {
            long size = c.numBuckets() * logitsDim;
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("categorical column '" + c.name() + "' has " + c.numBuckets()
                        + " buckets: too many weights for one array; use fewer hash buckets");
            }
            Variable v = new Variable("linear/linear_model/" + c.name() + "/weights", (int) size, optimizer);
            sparseVariables.add(v);
        }
        this.denseColumns = transformer.denseColumns();
        this.denseWidth = transformer.denseWidth();
        this.denseVariable = denseWidth == 0
                ? null
                : new Variable("linear/linear_model/dense_weights", denseWidth * logitsDim, optimizer);
        this.bias = new Variable("linear/linear_model/bias_weights", logitsDim, optimizer);
    }

    public int logitsDimension() {
        return logitsDim;
    }

    /** Scales FTRL's configured learning rate from the next step on. */
    public void setLearningRateMultiplier(double multiplier) {
        this.optimizer = configured.scaledBy(multiplier);
    }

    /** Writes each example's logits into {@code logits} ({@code numRows × logitsDim}). */
    public void forward(TransformedBatch batch, float[] logits) {
        int n = batch.numRows();
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < logitsDim; k++) {
                logits[r * logitsDim + k] = bias.weight(k);
            }
        }
        for (int c = 0; c < sparseColumns.size(); c++) {
            SparseIds ids = batch.sparse(sparseColumns.get(c).name());
            Variable w = sparseVariables.get(c);
            int[] offsets = ids.offsets();
            long[] id = ids.ids();
            float[] weights = ids.weights();
            for (int r = 0; r < n; r++) {
                float scale = scale(weights, offsets[r], offsets[r + 1]);
                if (scale == 0) {
                    continue;
                }
                int o = r * logitsDim;
                for (int i = offsets[r]; i < offsets[r + 1]; i++) {
                    if (id[i] < 0) {
                        continue;
                    }
                    float x = (weights == null ? 1f : weights[i]) * scale;
                    int base = (int) id[i] * logitsDim;
                    for (int k = 0; k < logitsDim; k++) {
                        logits[o + k] += x * w.weight(base + k);
                    }
                }
            }
        }
        if (denseVariable != null) {
            float[] x = batch.dense();
            Variable w = denseVariable;
            for (int r = 0; r < n; r++) {
                int o = r * logitsDim;
                for (int j = 0; j < denseWidth; j++) {
                    float v = x[r * denseWidth + j];
                    if (v == 0) {
                        continue;
                    }
                    for (int k = 0; k < logitsDim; k++) {
                        logits[o + k] += v * w.weight(j * logitsDim + k);
                    }
                }
            }
        }
    }

    /** The combiner's factor for one example's ids (0 when it has none). */
    private float scale(float[] weights, int from, int to) {
        if (combiner == SparseCombiner.SUM || from == to) {
            return from == to ? 0f : 1f;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            double w = weights == null ? 1 : weights[i];
            sum += combiner == SparseCombiner.MEAN ? w : w * w;
        }
        if (sum == 0) {
            return 0f;
        }
        return (float) (combiner == SparseCombiner.MEAN ? 1 / sum : 1 / Math.sqrt(sum));
    }

    /** Back-propagates d(loss)/d(logits) to every variable the batch touched and applies one FTRL step. */
    public void backwardAndApply(TransformedBatch batch, float[] dLogits) {
        int n = batch.numRows();
        for (int c = 0; c < sparseColumns.size(); c++) {
            SparseIds ids = batch.sparse(sparseColumns.get(c).name());
            Variable v = sparseVariables.get(c);
            int[] offsets = ids.offsets();
            long[] id = ids.ids();
            float[] weights = ids.weights();
            for (int r = 0; r < n; r++) {
                float scale = scale(weights, offsets[r], offsets[r + 1]);
                if (scale == 0) {
                    continue;
                }
                for (int i = offsets[r]; i < offsets[r + 1]; i++) {
                    if (id[i] < 0) {
                        continue;
                    }
                    float x = (weights == null ? 1f : weights[i]) * scale;
                    int base = (int) id[i] * logitsDim;
                    for (int k = 0; k < logitsDim; k++) {
                        v.addGradient(base + k, x * dLogits[r * logitsDim + k]);
                    }
                }
            }
            v.apply(optimizer);
        }
        if (denseVariable != null) {
            float[] x = batch.dense();
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < denseWidth; j++) {
                    float value = x[r * denseWidth + j];
                    for (int k = 0; k < logitsDim; k++) {
                        denseVariable.addGradient(j * logitsDim + k, value * dLogits[r * logitsDim + k]);
                    }
                }
            }
            denseVariable.apply(optimizer);
        }
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < logitsDim; k++) {
                bias.addGradient(k, dLogits[r * logitsDim + k]);
            }
        }
        bias.apply(optimizer);
    }

    private List<Variable> allVariables() {
        List<Variable> all = new ArrayList<>(sparseVariables);
        if (denseVariable != null) {
            all.add(denseVariable);
        }
        all.add(bias);
        return all;
    }

    /**
     * A copy of every variable and slot by name, for checkpoints: {@code <var>}, {@code <var>/Ftrl} (accumulator)
     * and {@code <var>/Ftrl_1} (linear), TensorFlow's slot names.
     */
    public Map<String, float[]> state() {
        Map<String, float[]> s = new LinkedHashMap<>();
        for (Variable v : allVariables()) {
            s.put(v.name, v.copy(FtrlOptimizer.WEIGHT));
            s.put(v.name + "/Ftrl", v.copy(FtrlOptimizer.ACCUMULATOR));
            s.put(v.name + "/Ftrl_1", v.copy(FtrlOptimizer.LINEAR));
        }
        return s;
    }
}
