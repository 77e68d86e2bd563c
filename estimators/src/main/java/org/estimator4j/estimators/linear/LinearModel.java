package org.estimator4j.estimators.linear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.memory.FloatBudget;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.DenseColumn;
import org.estimator4j.features.SparseIds;
import org.estimator4j.features.transform.FeatureTransformer;
import org.estimator4j.features.transform.TransformedBatch;

/**
 * TensorFlow's linear model: {@code logits = bias + Σ over categorical columns of the combined weights of the
 * example's ids + dense values · their weights}, trained with FTRL. Cost per example is O(active ids), never
 * O(buckets): a categorical column's weights are a {@code numBuckets × logitsDim} array read and updated only at the
 * ids a batch holds (a 10^6-bucket cross is never a one-hot vector). Gradients of ids repeated within a batch are
 * summed before one FTRL update per id, as TensorFlow's sparse apply does with duplicate indices.
 *
 * <p>Not thread-safe: one training thread. Variables are named as TensorFlow names them
 * ({@code linear/linear_model/<column>/weights}, {@code linear/linear_model/bias_weights}).
 */
final class LinearModel {
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
        int[] touched; // slot offsets of the entries this batch's gradient touched, in first-touch order
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
            addGradientAt(i * STRIDE, g);
        }

        /** Adds {@code g} to the gradient of the entry whose slots start at {@code base} ({@code i * STRIDE}). */
        void addGradientAt(int base, float g) {
            int at = base + GRADIENT;
            float current = slots[at];
            if (current != current) { // NaN: first gradient for the entry in this batch
                if (touchedCount == touched.length) {
                    touched = java.util.Arrays.copyOf(touched, touchedCount * 2);
                }
                touched[touchedCount++] = base;
                slots[at] = g;
            } else {
                slots[at] = current + g;
            }
        }

        /** One FTRL step for every touched entry; clears the gradient for the next batch. */
        void apply(FtrlOptimizer optimizer, FtrlOptimizer.Work work) {
            optimizer.applyAll(slots, touched, touchedCount, GRADIENT, work);
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

        void load(int offset, float[] values) {
            for (int i = 0; i < size; i++) {
                slots[i * STRIDE + offset] = values[i];
            }
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
    private final FtrlOptimizer.Work work = new FtrlOptimizer.Work();
    private Flat trainingFlat; // the last training forward's entries, buffers reused by the next
    private TransformedBatch trainingBatch; // the batch trainingFlat holds, until its backward

    public LinearModel(
            FeatureTransformer transformer, int logitsDim, SparseCombiner combiner, FtrlOptimizer optimizer) {
        this.logitsDim = logitsDim;
        this.combiner = combiner;
        this.configured = optimizer;
        this.optimizer = optimizer;
        this.sparseColumns = transformer.sparseColumns();
        checkSizes(sparseColumns, logitsDim);
        for (CategoricalColumn c : sparseColumns) {
            int size = Math.toIntExact(c.numBuckets() * logitsDim);
            Variable v = new Variable("linear/linear_model/" + c.name() + "/weights", size, optimizer);
            sparseVariables.add(v);
        }
        this.denseColumns = transformer.denseColumns();
        this.denseWidth = transformer.denseWidth();
        this.denseVariable = denseWidth == 0
                ? null
                : new Variable("linear/linear_model/dense_weights", denseWidth * logitsDim, optimizer);
        this.bias = new Variable("linear/linear_model/bias_weights", logitsDim, optimizer);
    }

    /**
     * Refuses a categorical column whose weights (num_buckets × logits entries of {@value Variable#STRIDE} floats:
     * weight, two FTRL slots, gradient) do not fit in memory, before any is allocated.
     */
    public static void checkSizes(List<CategoricalColumn> sparseColumns, int logitsDim) {
        for (CategoricalColumn c : sparseColumns) {
            long entries = c.numBuckets() > Long.MAX_VALUE / Math.max(1, logitsDim)
                    ? Long.MAX_VALUE
                    : c.numBuckets() * logitsDim;
            String problem = FloatBudget.tooLarge(entries, Variable.STRIDE);
            if (problem != null) {
                throw new IllegalArgumentException("categorical column '" + c.name() + "' has " + c.numBuckets()
                        + " buckets: its linear weights (buckets x logits x " + Variable.STRIDE + " floats) would be "
                        + problem + "; use fewer buckets (hash_bucket_size, vocabulary)");
            }
        }
    }

    public int logitsDimension() {
        return logitsDim;
    }

    /** Scales FTRL's configured learning rate from the next step on. */
    public void setLearningRateMultiplier(double multiplier) {
        this.optimizer = configured.scaledBy(multiplier);
    }

    /** Writes each example's logits into {@code logits} ({@code numRows × logitsDim}). Thread-safe. */
    public void forward(TransformedBatch batch, float[] logits) {
        forward(batch, flatten(batch, new Flat(sparseColumns.size())), logits);
    }

    /**
     * {@link #forward} for a training step: the batch's flattened ids are kept (in buffers reused from step to step)
     * for {@link #backwardAndApply} of the same batch. Not thread-safe, like training.
     */
    public void forwardTraining(TransformedBatch batch, float[] logits) {
        trainingFlat = flatten(batch, trainingFlat);
        trainingBatch = batch;
        forward(batch, trainingFlat, logits);
    }

    private void forward(TransformedBatch batch, Flat flat, float[] logits) {
        int n = batch.numRows();
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < logitsDim; k++) {
                logits[r * logitsDim + k] = bias.weight(k);
            }
        }
        // Column by column, so that each row's sum adds its columns in order, as TensorFlow's sum does; within a
        // column the loads of different rows are independent and overlap (a 10^5-bucket column misses the cache).
        for (int c = 0; c < sparseVariables.size(); c++) {
            float[] slots = sparseVariables.get(c).slots;
            int m = flat.count[c];
            int[] slot = flat.slot[c];
            int[] row = flat.row[c];
            float[] x = flat.x[c];
            if (logitsDim == 1) {
                if (row == null && x == null) {
                    for (int e = 0; e < m; e++) {
                        logits[e] += slots[slot[e]];
                    }
                } else if (row == null) {
                    for (int e = 0; e < m; e++) {
                        logits[e] += x[e] * slots[slot[e]];
                    }
                } else {
                    for (int e = 0; e < m; e++) {
                        logits[row[e]] += x[e] * slots[slot[e]];
                    }
                }
            } else {
                for (int e = 0; e < m; e++) {
                    int o = (row == null ? e : row[e]) * logitsDim;
                    float xe = x == null ? 1f : x[e];
                    int base = slot[e];
                    for (int k = 0; k < logitsDim; k++) {
                        logits[o + k] += xe * slots[base + k * Variable.STRIDE];
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

    /**
     * A batch's sparse inputs flattened column by column into the terms of the logits' sums: entry e of column c
     * adds {@code x[c][e] ×} the weight at {@code slot[c][e]} (the slot array offset of the id's first logit) to
     * row {@code row[c][e]}. {@code row[c]} is null when entry e is row e (every row has exactly one id), {@code x[c]}
     * when every factor is 1: the common case of one unweighted id per row costs one load per row.
     */
    static final class Flat {
        final int[] count;
        final int[][] slot;
        final int[][] row;
        final float[][] x;
        private final int[][] rowBuffer;
        private final float[][] xBuffer;

        Flat(int columns) {
            count = new int[columns];
            slot = new int[columns][];
            row = new int[columns][];
            x = new float[columns][];
            rowBuffer = new int[columns][];
            xBuffer = new float[columns][];
        }
    }

    /** Fills {@code flat} (growing its buffers as needed) with the batch's entries, skipping negative ids. */
    private Flat flatten(TransformedBatch batch, Flat flat) {
        if (flat == null) {
            flat = new Flat(sparseColumns.size());
        }
        int n = batch.numRows();
        for (int c = 0; c < sparseColumns.size(); c++) {
            SparseIds ids = batch.sparse(sparseColumns.get(c).name());
            int[] offsets = ids.offsets();
            long[] id = ids.ids();
            float[] weights = ids.weights();
            int total = offsets[n] - offsets[0];
            int[] slot = flat.slot[c];
            if (slot == null || slot.length < total) {
                slot = flat.slot[c] = new int[Math.max(total, 16)];
            }
            int stride = logitsDim * Variable.STRIDE;
            if (weights == null && total == n && oneIdPerRow(offsets, id, n)) {
                for (int r = 0; r < n; r++) {
                    slot[r] = (int) id[offsets[r]] * stride;
                }
                flat.count[c] = n;
                flat.row[c] = null;
                flat.x[c] = null;
                continue;
            }
            int[] row = flat.rowBuffer[c];
            float[] x = flat.xBuffer[c];
            if (row == null || row.length < total) {
                row = flat.rowBuffer[c] = new int[Math.max(total, 16)];
                x = flat.xBuffer[c] = new float[Math.max(total, 16)];
            }
            int m = 0;
            for (int r = 0; r < n; r++) {
                int from = offsets[r];
                int to = offsets[r + 1];
                float scale = scale(weights, from, to);
                if (scale == 0) {
                    continue;
                }
                for (int i = from; i < to; i++) {
                    if (id[i] < 0) {
                        continue;
                    }
                    slot[m] = (int) id[i] * stride;
                    row[m] = r;
                    x[m] = (weights == null ? 1f : weights[i]) * scale;
                    m++;
                }
            }
            flat.count[c] = m;
            flat.row[c] = row;
            flat.x[c] = x;
        }
        return flat;
    }

    /** Whether row r holds exactly one id, at position r, and it is not negative. */
    private static boolean oneIdPerRow(int[] offsets, long[] id, int n) {
        boolean ok = offsets[0] == 0;
        for (int r = 0; r < n; r++) {
            ok &= offsets[r + 1] == r + 1 & id[r] >= 0;
        }
        return ok;
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
        Flat flat = batch == trainingBatch ? trainingFlat : flatten(batch, null);
        trainingBatch = null;
        int n = batch.numRows();
        for (int c = 0; c < sparseVariables.size(); c++) {
            Variable v = sparseVariables.get(c);
            int m = flat.count[c];
            int[] slot = flat.slot[c];
            int[] row = flat.row[c];
            float[] x = flat.x[c];
            if (logitsDim == 1 && x == null) {
                for (int e = 0; e < m; e++) {
                    v.addGradientAt(slot[e], dLogits[row == null ? e : row[e]]);
                }
            } else {
                for (int e = 0; e < m; e++) {
                    int o = (row == null ? e : row[e]) * logitsDim;
                    float xe = x == null ? 1f : x[e];
                    for (int k = 0; k < logitsDim; k++) {
                        v.addGradientAt(slot[e] + k * Variable.STRIDE, xe * dLogits[o + k]);
                    }
                }
            }
            v.apply(optimizer, work);
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
            denseVariable.apply(optimizer, work);
        }
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < logitsDim; k++) {
                bias.addGradient(k, dLogits[r * logitsDim + k]);
            }
        }
        bias.apply(optimizer, work);
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

    /** Loads saved values; every name must be present with the right size. */
    public void restore(Map<String, float[]> saved) {
        for (Variable v : allVariables()) {
            load(v, v.name, FtrlOptimizer.WEIGHT, saved);
            load(v, v.name + "/Ftrl", FtrlOptimizer.ACCUMULATOR, saved);
            load(v, v.name + "/Ftrl_1", FtrlOptimizer.LINEAR, saved);
        }
    }

    private static void load(Variable v, String name, int offset, Map<String, float[]> saved) {
        float[] values = saved.get(name);
        if (values == null) {
            throw new IllegalStateException("the checkpoint has no variable '" + name + "'; it was written by a "
                    + "different model: use a new model_dir");
        }
        if (values.length != v.size) {
            throw new IllegalStateException("variable '" + name + "' has " + values.length + " values in the "
                    + "checkpoint but the model needs " + v.size + " (did a column's bucket count change?); use a "
                    + "new model_dir");
        }
        v.load(offset, values);
    }
}
