package org.estimator4j.estimators.dnn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.estimator4j.api.memory.FloatBudget;
import org.estimator4j.api.table.Batch;
import org.estimator4j.estimators.Model;
import org.estimator4j.estimators.internal.LaneWorkers;
import org.estimator4j.estimators.optimizer.Optimizer;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.transform.FeatureTransformer;
import org.estimator4j.features.transform.TransformContext;

/**
 * TensorFlow's DNN model: the dense feature columns (embeddings trained with the network) concatenated by name, then
 * hidden layers of {@code Dense(activation) → Dropout (training only) → BatchNormalization}, then a linear logits
 * layer. Variables are named as TensorFlow names them ({@code dnn/hiddenlayer_0/kernel}, {@code dnn/logits/bias},
 * {@code dnn/input_from_feature_columns/input_layer/<column>_embedding/embedding_weights}, ...).
 *
 * <p>This class runs a step; its parts do the work: {@link DnnInputs} (the input matrix and embedding tables),
 * {@link DnnNetwork} (the layers, forward and backward over one lane's rows), {@link RowLanes} (which rows each thread
 * takes), {@link DnnParameters} (the optimizer step and the variables by name).
 *
 * <p>The hot path is designed around this machine's measured costs: matrix products go to OpenBLAS in one JNI call
 * each ({@link Blas}); bias, activation, dropout, batch norm and the optimizer are loops over Java arrays preallocated
 * for the batch size; an embedding table is read and updated only at the rows a batch looks up. Not thread-safe for
 * training; {@link #inference} may run on many threads at once.
 */
public final class DnnPart implements Model {
    private final DnnInputs inputs;
    private final DnnNetwork network;
    private final DnnParameters parameters;
    private final RowLanes lanes;
    // Created once: the lanes' work, handed to the workers twice or three times a step.
    private final IntConsumer forwardLane;
    private final IntConsumer backwardLane;
    private final IntConsumer applyLane;
    private final RowLanes.Rows inferRows;
    /** The last training step's transformed input, reused by the next step of the same size (cache-warm). */
    private float[] trainingInput;

    private TransformContext lastContext;

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
    public DnnPart(
            String scope,
            List<? extends FeatureColumn> columns,
            int logitsDimension,
            List<Integer> hiddenUnits,
            Activation activation,
            double dropout,
            boolean batchNorm,
            Optimizer optimizer,
            long seed) {
        this(scope, columns, logitsDimension, hiddenUnits, activation, dropout, batchNorm, List.of(), optimizer, seed);
    }

    /**
     * @param customLayers plugin layers stacked after the hidden layers (before the logits), their variables trained
     *     by {@code optimizer} and saved as {@code <scope>/custom_<i>/<name>}
     */
    public DnnPart(
            String scope,
            List<? extends FeatureColumn> columns,
            int logitsDimension,
            List<Integer> hiddenUnits,
            Activation activation,
            double dropout,
            boolean batchNorm,
            List<CustomLayer> customLayers,
            Optimizer optimizer,
            long seed) {
        if (hiddenUnits.isEmpty()) {
            throw new IllegalArgumentException("hidden_units is empty; give at least one layer size, e.g. [64, 32]");
        }
        Dropout dropoutLayer = new Dropout(dropout);
        FeatureTransformer transformer = FeatureTransformer.dense(columns);
        checkLayerSizes(transformer.denseWidth(), hiddenUnits);
        this.parameters = new DnnParameters(scope + "/" + optimizer.name() + "/iterations");
        this.inputs = new DnnInputs(scope, transformer, optimizer, seed, parameters.trained);
        this.network = new DnnNetwork(
                scope,
                inputs.width(),
                logitsDimension,
                hiddenUnits,
                activation,
                dropoutLayer,
                batchNorm,
                customLayers,
                optimizer,
                seed,
                inputs.trains(),
                parameters.trained);
        this.lanes = new RowLanes(LaneWorkers.SHARED, seed ^ 0x9E3779B97F4A7C15L);
        this.forwardLane = j -> network.forward(lanes.lane(j));
        this.backwardLane = j -> network.backward(lanes.lane(j));
        this.applyLane = j -> parameters.applyLane(network, lanes, j);
        this.inferRows = network::infer;
    }

    /** Splits training batches over {@code w}'s threads from now on (tests compare lane counts with it). */
    void useWorkers(LaneWorkers w) {
        if (lastContext != null) {
            throw new IllegalStateException("change the workers between steps, not inside one");
        }
        lanes.use(w);
    }

    @Override
    public int logitsDimension() {
        return network.logitsDimension();
    }

    /** Values per row of the network's input: the dense columns' widths summed. */
    public int inputWidth() {
        return inputs.width();
    }

    @Override
    public float[] forward(Batch features, boolean training) {
        inputs.initialize();
        if (!training) {
            return inference(features);
        }
        int n = features.numRows();
        TransformContext context = inputs.context(features);
        float[] x = inputs.dense(context, trainingInput);
        trainingInput = x;
        int k = lanes.forTraining(n, network.splitsRows());
        int width = inputs.width();
        lanes.ensureCapacity(n, k, network, width, inputs.trains());
        network.ensureWholeBatchCapacity(n);
        lanes.split(x, n, k, width);
        lanes.run(forwardLane);
        lastContext = context;
        return lanes.gatherLogits(network.logitsDimension());
    }

    @Override
    public float[] inference(Batch features) {
        inputs.initialize();
        int n = features.numRows();
        float[] x = inputs.dense(inputs.context(features));
        return lanes.infer(x, n, inputs.width(), network.logitsDimension(), inferRows);
    }

    @Override
    public void backward(float[] dLogits) {
        if (lastContext == null) {
            throw new IllegalStateException("backward before a training forward");
        }
        lanes.scatterLogitsGradient(dLogits, network.logitsDimension());
        lanes.run(backwardLane);
        if (inputs.trains()) {
            inputs.backward(lastContext, lanes.gatherInputGradient(inputs.width()));
        }
        parameters.nextStep();
        if (lanes.count() == 1) {
            parameters.applyAll();
        } else {
            // The layers' variables: each lane sums and updates its slice of every one (the optimizer step is as
            // much work as a small layer's product, so it runs in parallel too); embedding tables after, on this
            // thread.
            lanes.run(applyLane);
            parameters.applyAllBut(network);
        }
        lastContext = null;
    }

    @Override
    public void setLearningRateMultiplier(double multiplier) {
        parameters.setLearningRateMultiplier(multiplier);
    }

    @Override
    public Map<String, float[]> variables() {
        inputs.initialize();
        Map<String, float[]> out = new LinkedHashMap<>();
        inputs.saveFrozen(out, parameters);
        parameters.saveTo(out);
        network.saveStatistics(out);
        parameters.saveIterations(out);
        return out;
    }

    @Override
    public void restore(Map<String, float[]> saved) {
        inputs.markRestored();
        inputs.restoreFrozen(saved, parameters);
        parameters.restoreFrom(saved);
        network.restoreStatistics(saved);
        parameters.restoreIterations(saved);
    }
}
