package org.estimator4j.estimators.dnn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.estimator4j.api.memory.FloatBudget;
import org.estimator4j.api.table.Batch;
import org.estimator4j.estimators.Model;
import org.estimator4j.estimators.optimizer.Optimizer;
import org.estimator4j.estimators.parallel.LaneWorkers;
import org.estimator4j.features.DenseColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.FeatureTransformer;
import org.estimator4j.features.transform.TransformContext;
import org.estimator4j.spi.layer.Layer;

/**
 * TensorFlow's DNN model: the dense feature columns (embeddings trained with the network) concatenated by name, then
 * hidden layers of {@code Dense(activation) → Dropout (training only) → BatchNormalization}, then a linear logits
 * layer. Variables are named as TensorFlow names them ({@code dnn/hiddenlayer_0/kernel}, {@code dnn/logits/bias},
 * {@code dnn/input_from_feature_columns/input_layer/<column>_embedding/embedding_weights}, ...).
 *
 * <p>The hot path is designed around this machine's measured costs: matrix products go to OpenBLAS in one JNI call
 * each ({@link Blas}); bias, activation, dropout, batch norm and the optimizer are loops over Java arrays preallocated
 * for the batch size; an embedding table is read and updated only at the rows a batch looks up. Not thread-safe for
 * training; {@link #inference} may run on many threads at once.
 */
public final class DnnPart implements Model {
    private static final String INPUT_SCOPE = "/input_from_feature_columns/input_layer/";

    private final String scope;
    private final FeatureTransformer transformer;
    private final EmbeddingTables tables;
    private final List<EmbeddingInput> embeddings = new ArrayList<>();
    /** Tables still zero: drawn on first use unless {@link #restore} fills them first. */
    private final List<EmbeddingInput> uninitialized = new ArrayList<>();
    private volatile boolean initialized;
    private final Map<String, Parameter> embeddingTables = new LinkedHashMap<>();
    private final boolean trainsInputs;
    private final DenseLayer[] hidden;
    private final BatchNorm[] batchNorms;
    private final float dropout;
    private final Layer[] custom;
    private final List<Map<String, Parameter>> customParameters;
    private final DenseLayer logits;
    private final Optimizer optimizer;
    private final List<Parameter> parameters = new ArrayList<>();
    private long iteration;
    private double learningRateMultiplier = 1;

    /** Rows per lane below which a batch is not split: smaller products lose more to the hand-off than they gain. */
    static final int MIN_ROWS_PER_LANE = 64;
    /**
     * The same for inference, which has no gradients to sum: an MLP's batch of 32 in two lanes of 16 predicts 336k →
     * 620k examples/s.
     */
    static final int MIN_INFERENCE_ROWS_PER_LANE = 16;

    private LaneWorkers workers;
    private RowLane[] lanes;
    private final long laneSeed;
    private final java.util.function.IntConsumer forwardLane = this::forwardLane;
    /** The last training step's transformed input, reused by the next step of the same size (cache-warm). */
    private float[] trainingInput;
    private final java.util.function.IntConsumer backwardLane = this::backwardLane;
    private final java.util.function.IntConsumer applyLane = this::applyLane;
    // Buffers of the single-lane layers (batch normalization, plugin layers), sized for the largest batch so far.
    private int capacity;
    private float[][] normalized;
    private float[][] outputs;
    private float[][] gradientsBeforeNorm;
    private float[][] customOutputs;
    private float[][] customGradients;
    private final List<Map<String, float[]>> customGradientViews = new ArrayList<>();
    /** The whole batch's d loss / d input when lanes split it (each lane has its rows' share). */
    private float[] inputGradient;
    private TransformContext lastContext;
    private int lastRows;
    private int lastLanes;

    /**
     * Refuses hidden layers whose weights (inputs × units floats) do not fit in memory, before any is allocated: a
     * config or {@code model.json} with {@code hidden_units} of 2e9 must fail naming the layer, not run out of heap.
     */
    public static void checkLayerSizes(int inputWidth, List<Integer> hiddenUnits) {
        long width = inputWidth;
        for (int i = 0; i < hiddenUnits.size(); i++) {
            Integer units = hiddenUnits.get(i);
            if (units == null || units < 1) {
                continue; // refused with its own message where the units are checked
            }
            String problem = FloatBudget.tooLarge(width, units);
            if (problem != null) {
                throw new IllegalArgumentException("hidden_units[" + i + "] = " + units + " is too large: the "
                        + "layer's weights (inputs x units) would be " + problem + "; use fewer units");
            }
            width = units;
        }
    }

    /**
     * @param scope the variable name prefix: {@code dnn} for a DNN estimator and for the deep part of wide and deep
     * @param dropout the probability of dropping a hidden unit's output in training, 0 for none
     */
    public DnnPart(String scope, List<? extends FeatureColumn> columns, int logitsDimension, List<Integer> hiddenUnits,
            Activation activation, double dropout, boolean batchNorm, Optimizer optimizer, long seed) {
        this(scope, columns, logitsDimension, hiddenUnits, activation, dropout, batchNorm, List.of(), optimizer, seed);
    }

    /**
     * @param customLayers plugin layers stacked after the hidden layers (before the logits), their variables trained
     *     by {@code optimizer} and saved as {@code <scope>/custom_<i>/<name>}
     */
    public DnnPart(String scope, List<? extends FeatureColumn> columns, int logitsDimension, List<Integer> hiddenUnits,
            Activation activation, double dropout, boolean batchNorm, List<CustomLayer> customLayers,
            Optimizer optimizer, long seed) {
        if (hiddenUnits.isEmpty()) {
            throw new IllegalArgumentException("hidden_units is empty; give at least one layer size, e.g. [64, 32]");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        this.scope = scope;
        this.optimizer = optimizer;
        this.transformer = FeatureTransformer.dense(columns);
        checkLayerSizes(transformer.denseWidth(), hiddenUnits);
        this.tables = new EmbeddingTables(seed);
        boolean trains = false;
        Map<String, Integer> layout = transformer.denseLayout();
        for (DenseColumn c : transformer.denseColumns()) {
            EmbeddingInput e = EmbeddingInput.of(c, layout.get(c.name()));
            if (e == null) {
                continue;
            }
            embeddings.add(e);
            if (!embeddingTables.containsKey(e.tableName)) {
                // Zeroed for now: drawn in initialize() only if no checkpoint is restored into it.
                float[] table = new float[FloatBudget.floats(e.numBuckets(), e.dimension,
                        "embedding table '" + e.tableName + "' (buckets x dimension)")];
                tables.put(e.tableName, table);
                uninitialized.add(e);
                Parameter p = Parameter.rows(scope + INPUT_SCOPE + e.tableName, table, e.dimension, optimizer);
                embeddingTables.put(e.tableName, p);
                if (e.trainable) {
                    parameters.add(p);
                }
            }
            trains |= e.trainable;
        }
        this.trainsInputs = trains;
        SplittableRandom init = new SplittableRandom(seed);
        this.hidden = new DenseLayer[hiddenUnits.size()];
        this.batchNorms = new BatchNorm[hiddenUnits.size()];
        int width = transformer.denseWidth();
        for (int i = 0; i < hidden.length; i++) {
            int units = hiddenUnits.get(i);
            if (units < 1) {
                throw new IllegalArgumentException("hidden_units[" + i + "] must be > 0, got " + units);
            }
            hidden[i] = new DenseLayer(scope + "/hiddenlayer_" + i, width, units, activation, optimizer, init);
            parameters.add(hidden[i].kernel);
            parameters.add(hidden[i].bias);
            if (batchNorm) {
                batchNorms[i] = new BatchNorm(scope + "/batchnorm_" + i, units, optimizer);
                parameters.add(batchNorms[i].gamma);
                parameters.add(batchNorms[i].beta);
            }
            width = units;
        }
        this.custom = new Layer[customLayers.size()];
        this.customParameters = new ArrayList<>();
        for (int j = 0; j < custom.length; j++) {
            CustomLayer spec = customLayers.get(j);
            custom[j] = spec.factory().get();
            Map<String, float[]> variables = custom[j].build(width, seed + 1 + j);
            Map<String, Parameter> byName = new LinkedHashMap<>();
            for (Map.Entry<String, float[]> v : variables.entrySet()) {
                Parameter p = Parameter.dense(scope + "/custom_" + j + "/" + v.getKey(), v.getValue(), optimizer);
                byName.put(v.getKey(), p);
                parameters.add(p);
            }
            customParameters.add(byName);
            Map<String, float[]> grads = new LinkedHashMap<>();
            byName.forEach((name, p) -> grads.put(name, p.gradient));
            customGradientViews.add(java.util.Collections.unmodifiableMap(grads));
            width = custom[j].outputWidth();
            if (width < 1) {
                throw new IllegalStateException("plugin layer '" + spec.type() + "' (" + spec.origin()
                        + ") reports output width " + width + " after build(); it must be > 0");
            }
        }
        this.logits = new DenseLayer(scope + "/logits", width, logitsDimension, Activation.LINEAR, optimizer, init);
        parameters.add(logits.kernel);
        parameters.add(logits.bias);
        this.dropout = (float) dropout;
        this.laneSeed = seed ^ 0x9E3779B97F4A7C15L;
        useWorkers(LaneWorkers.SHARED);
    }

    /** Splits training batches over {@code w}'s threads from now on (tests compare lane counts with it). */
    void useWorkers(LaneWorkers w) {
        if (lastContext != null) {
            throw new IllegalStateException("change the workers between steps, not inside one");
        }
        this.workers = w;
        this.lanes = new RowLane[w.parallelism()];
        for (int j = 0; j < lanes.length; j++) {
            lanes[j] = new RowLane(j, laneSeed);
        }
        this.capacity = 0;
    }

    @Override
    public int logitsDimension() {
        return logits.units;
    }

    /** Values per row of the network's input: the dense columns' widths summed. */
    public int inputWidth() {
        return transformer.denseWidth();
    }

    /** Draws the initial values of tables no checkpoint filled (TensorFlow's initializer, seeded). */
    private void initialize() {
        if (initialized) {
            return;
        }
        synchronized (uninitialized) {
            for (EmbeddingInput e : uninitialized) {
                tables.initialize(e.tableName, embeddingTables.get(e.tableName).values, e.dimension);
            }
            uninitialized.clear();
            initialized = true;
        }
    }

    @Override
    public float[] forward(Batch features, boolean training) {
        initialize();
        if (!training) {
            return inference(features);
        }
        int n = features.numRows();
        TransformContext context = new TransformContext(features, tables);
        float[] x = transformer.transform(context, trainingInput).dense();
        trainingInput = x;
        int k = laneCount(n);
        ensureCapacity(n, k);
        int width = transformer.denseWidth();
        for (int j = 0; j < k; j++) {
            RowLane lane = lanes[j];
            lane.from = (int) ((long) j * n / k);
            lane.rows = (int) ((long) (j + 1) * n / k) - lane.from;
            lane.input = x;
            lane.inputFrom = lane.from * width;
        }
        workers.run(k, forwardLane);
        int units = logits.units;
        float[] result = new float[n * units];
        for (int j = 0; j < k; j++) {
            System.arraycopy(lanes[j].logits, 0, result, lanes[j].from * units, lanes[j].rows * units);
        }
        lastContext = context;
        lastRows = n;
        lastLanes = k;
        return result;
    }

    /**
     * How many lanes share a training batch of {@code n} rows: one per core when each gets at least
     * {@link #MIN_ROWS_PER_LANE} rows; one when batch normalization (statistics over the whole batch) or plugin
     * layers are in the network.
     */
    private int laneCount(int n) {
        if (custom.length > 0) {
            return 1;
        }
        for (BatchNorm b : batchNorms) {
            if (b != null) {
                return 1;
            }
        }
        return Math.max(1, Math.min(lanes.length, n / MIN_ROWS_PER_LANE));
    }

    /** The hidden layers, plugin layers and logits for one lane's rows. */
    private void forwardLane(int index) {
        RowLane lane = lanes[index];
        int n = lane.rows;
        float[] x = lane.input;
        float keep = 1 - dropout;
        for (int i = 0; i < hidden.length; i++) {
            int size = n * hidden[i].units;
            hidden[i].forward(x, i == 0 ? lane.inputFrom : 0, n, lane.activations[i]);
            float[] out = lane.activations[i];
            if (dropout > 0) {
                float[] mask = lane.masks[i];
                float[] d = lane.dropped[i];
                for (int e = 0; e < size; e++) {
                    mask[e] = lane.dropoutRandom.nextDouble() < keep ? 1 / keep : 0f;
                    d[e] = out[e] * mask[e];
                }
                out = d;
            }
            if (batchNorms[i] != null) {
                batchNorms[i].forwardTraining(out, n, normalized[i], outputs[i]);
                out = outputs[i];
            }
            x = out;
        }
        for (int j = 0; j < custom.length; j++) {
            custom[j].forward(x, n, customOutputs[j], true);
            x = customOutputs[j];
        }
        logits.forward(x, 0, n, lane.logits);
    }

    /** The output of hidden block {@code i} in a lane's last training forward (the next layer's input). */
    private float[] blockOutput(RowLane lane, int i) {
        if (batchNorms[i] != null) {
            return outputs[i];
        }
        return dropout > 0 ? lane.dropped[i] : lane.activations[i];
    }

    @Override
    public float[] inference(Batch features) {
        initialize();
        int n = features.numRows();
        float[] x = transformer.transform(new TransformContext(features, tables)).dense();
        int units = logits.units;
        float[] result = new float[n * units];
        int k = Math.max(1, Math.min(lanes.length, n / MIN_INFERENCE_ROWS_PER_LANE));
        if (k == 1) {
            inferRows(x, 0, n, result);
            return result;
        }
        // Lane 0's rows come first in x and in the result; the others' logits are copied into place after.
        int width = transformer.denseWidth();
        float[][] laneLogits = new float[k][];
        workers.run(k, j -> {
            int from = (int) ((long) j * n / k);
            int rows = (int) ((long) (j + 1) * n / k) - from;
            if (j == 0) {
                inferRows(x, 0, rows, result);
            } else {
                laneLogits[j] = new float[rows * units];
                inferRows(x, from * width, rows, laneLogits[j]);
            }
        });
        for (int j = 1; j < k; j++) {
            System.arraycopy(laneLogits[j], 0, result, (int) ((long) j * n / k) * units, laneLogits[j].length);
        }
        return result;
    }

    /** The network on {@code n} rows of {@code x} from {@code x[xFrom]} on, logits into {@code out}; allocates its own buffers. */
    private void inferRows(float[] x, int xFrom, int n, float[] out) {
        for (int i = 0; i < hidden.length; i++) {
            float[] y = new float[n * hidden[i].units];
            hidden[i].forward(x, i == 0 ? xFrom : 0, n, y);
            if (batchNorms[i] != null) {
                batchNorms[i].forwardInference(y, n, y);
            }
            x = y;
        }
        for (Layer layer : custom) {
            float[] y = new float[n * layer.outputWidth()];
            layer.forward(x, n, y, false);
            x = y;
        }
        logits.forward(x, 0, n, out);
    }

    @Override
    public void backward(float[] dLogits) {
        if (lastContext == null) {
            throw new IllegalStateException("backward before a training forward");
        }
        int n = lastRows;
        int k = lastLanes;
        int units = logits.units;
        for (int j = 0; j < k; j++) {
            System.arraycopy(dLogits, lanes[j].from * units, lanes[j].logitsGradient, 0, lanes[j].rows * units);
        }
        workers.run(k, backwardLane);
        float[] dInput = lanes[0].inputGradient;
        if (k > 1) {
            if (trainsInputs) {
                int width = transformer.denseWidth();
                dInput = inputGradient;
                for (int j = 0; j < k; j++) {
                    System.arraycopy(lanes[j].inputGradient, 0, dInput, lanes[j].from * width, lanes[j].rows * width);
                }
            }
        }
        if (trainsInputs) {
            int width = transformer.denseWidth();
            for (EmbeddingInput e : embeddings) {
                if (e.trainable) {
                    e.backward(lastContext, dInput, width, embeddingTables.get(e.tableName));
                }
            }
        }
        iteration++;
        if (k == 1) {
            for (Parameter p : parameters) {
                p.apply(iteration, learningRateMultiplier);
            }
        } else {
            // The layers' variables: each lane sums and updates its slice of every one (the optimizer step is as
            // much work as a small layer's product, so it runs in parallel too); embedding tables after, on this thread.
            workers.run(k, applyLane);
            for (Parameter p : parameters) {
                if (!isLayerVariable(p)) {
                    p.apply(iteration, learningRateMultiplier);
                }
            }
        }
        lastContext = null;
    }

    private boolean isLayerVariable(Parameter p) {
        for (DenseLayer layer : hidden) {
            if (p == layer.kernel || p == layer.bias) {
                return true;
            }
        }
        return p == logits.kernel || p == logits.bias;
    }

    /**
     * Lane {@code index}'s slice of every layer variable: the other lanes' gradients added into lane 0's (the
     * parameter's own array), then one optimizer step over the slice.
     */
    private void applyLane(int index) {
        int k = lastLanes;
        for (int l = 0; l <= hidden.length; l++) {
            DenseLayer layer = l < hidden.length ? hidden[l] : logits;
            sumAndApply(layer.kernel, l, true, index, k);
            sumAndApply(layer.bias, l, false, index, k);
        }
    }

    private void sumAndApply(Parameter p, int layer, boolean kernel, int index, int k) {
        int length = p.values.length;
        int from = (int) ((long) index * length / k);
        int to = (int) ((long) (index + 1) * length / k);
        float[] into = p.gradient;
        for (int j = 1; j < k; j++) {
            float[] g = kernel ? lanes[j].kernelGradients[layer] : lanes[j].biasGradients[layer];
            for (int i = from; i < to; i++) {
                into[i] += g[i];
            }
        }
        p.applyRange(iteration, learningRateMultiplier, from, to);
    }

    /** Back-propagates one lane's rows: its share of every kernel and bias gradient, and of the input gradient. */
    private void backwardLane(int index) {
        RowLane lane = lanes[index];
        int n = lane.rows;
        int last = hidden.length - 1;
        int top = hidden.length; // the logits layer's index in the lane's gradient targets
        if (custom.length == 0) {
            logits.backward(blockOutput(lane, last), 0, null, lane.logitsGradient, n, lane.gradients[last],
                    lane.kernelGradients[top], lane.biasGradients[top]);
        } else {
            int c = custom.length - 1;
            logits.backward(customOutputs[c], 0, null, lane.logitsGradient, n, customGradients[c],
                    lane.kernelGradients[top], lane.biasGradients[top]);
            for (int j = c; j >= 0; j--) {
                Map<String, float[]> grads = customGradientViews.get(j);
                for (float[] g : grads.values()) {
                    java.util.Arrays.fill(g, 0f);
                }
                custom[j].backward(customGradients[j], n, j > 0 ? customGradients[j - 1] : lane.gradients[last],
                        grads);
            }
        }
        for (int i = last; i >= 0; i--) {
            int size = n * hidden[i].units;
            float[] d = lane.gradients[i];
            if (batchNorms[i] != null) {
                batchNorms[i].backward(normalized[i], d, n, gradientsBeforeNorm[i]);
                d = gradientsBeforeNorm[i];
            }
            if (dropout > 0) {
                float[] mask = lane.masks[i];
                for (int e = 0; e < size; e++) {
                    d[e] *= mask[e];
                }
            }
            float[] x = i == 0 ? lane.input : blockOutput(lane, i - 1);
            float[] dx = i > 0 ? lane.gradients[i - 1] : trainsInputs ? lane.inputGradient : null;
            hidden[i].backward(x, i == 0 ? lane.inputFrom : 0, lane.activations[i], d, n, dx, lane.kernelGradients[i],
                    lane.biasGradients[i]);
        }
    }

    @Override
    public void setLearningRateMultiplier(double multiplier) {
        this.learningRateMultiplier = multiplier;
    }

    private void ensureCapacity(int n, int k) {
        int perLane = (n + k - 1) / k;
        int width = transformer.denseWidth();
        for (int j = 0; j < k; j++) {
            lanes[j].ensureCapacity(perLane, hidden, logits, dropout > 0, width, trainsInputs);
        }
        if (n <= capacity) {
            return;
        }
        int layers = hidden.length;
        normalized = new float[layers][];
        outputs = new float[layers][];
        gradientsBeforeNorm = new float[layers][];
        for (int i = 0; i < layers; i++) {
            if (batchNorms[i] != null) {
                int size = n * hidden[i].units;
                normalized[i] = new float[size];
                outputs[i] = new float[size];
                gradientsBeforeNorm[i] = new float[size];
            }
        }
        customOutputs = new float[custom.length][];
        customGradients = new float[custom.length][];
        for (int j = 0; j < custom.length; j++) {
            customOutputs[j] = new float[n * custom[j].outputWidth()];
            customGradients[j] = new float[n * custom[j].outputWidth()];
        }
        inputGradient = trainsInputs && lanes.length > 1 ? new float[n * width] : null;
        capacity = n;
    }

    private String iterationsName() {
        return scope + "/" + optimizer.name() + "/iterations";
    }

    @Override
    public Map<String, float[]> variables() {
        initialize();
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Parameter p : embeddingTables.values()) {
            if (!parameters.contains(p)) {
                out.put(p.name, p.values.clone()); // a frozen table: saved, never trained
            }
        }
        for (Parameter p : parameters) {
            p.saveTo(out);
        }
        for (BatchNorm b : batchNorms) {
            if (b != null) {
                out.put(b.movingMeanName, b.movingMean.clone());
                out.put(b.movingVarianceName, b.movingVariance.clone());
            }
        }
        // The step count as two exact floats (high and low 24 bits): Adam's bias correction needs it after a resume.
        out.put(iterationsName(), new float[] {iteration >>> 24, iteration & 0xFFFFFF});
        return out;
    }

    @Override
    public void restore(Map<String, float[]> saved) {
        synchronized (uninitialized) {
            uninitialized.clear(); // every table is about to be overwritten (or the restore fails)
            initialized = true;
        }
        for (Parameter p : embeddingTables.values()) {
            if (!parameters.contains(p)) {
                Parameter.copy(saved, p.name, p.values);
            }
        }
        for (Parameter p : parameters) {
            p.restoreFrom(saved);
        }
        for (BatchNorm b : batchNorms) {
            if (b != null) {
                Parameter.copy(saved, b.movingMeanName, b.movingMean);
                Parameter.copy(saved, b.movingVarianceName, b.movingVariance);
            }
        }
        float[] count = new float[2];
        Parameter.copy(saved, iterationsName(), count);
        iteration = ((long) count[0] << 24) + (long) count[1];
    }
}
