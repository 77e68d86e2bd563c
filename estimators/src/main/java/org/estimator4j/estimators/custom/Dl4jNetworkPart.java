package org.estimator4j.estimators.custom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.estimator4j.api.table.Batch;
import org.estimator4j.estimators.Model;
import org.estimator4j.features.DenseColumn;
import org.estimator4j.features.EmbeddingColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.SharedEmbeddingColumn;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.FeatureTransformer;
import org.estimator4j.features.transform.TransformContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A Deeplearning4j {@link MultiLayerNetwork} as an estimator's {@link Model}: the feature columns' dense input
 * ({@code batch × width}, the transform the DNN estimators use) in, the network's output as logits. {@link #backward}
 * back-propagates the head's d(loss)/d(logits) through the network with DL4J's own backprop and applies the
 * network's own updater (its {@code IUpdater}: Adam, SGD, ...), so a network trains here as it would under
 * {@code fit()}, with the head in place of an output layer. The head's gradient is already reduced over the batch
 * (mean or sum, its loss reduction), so the updater is told a batch of one and does not divide again.
 *
 * <p>Variables, by name for checkpoints and warm start: {@code custom/layer_<i>/<param>} (DL4J's parameter keys:
 * {@code W}, {@code b}, ...), {@code custom/updater_state} (the updater's whole state view, e.g. Adam's moments) and
 * {@code custom/iterations} (the step count as two exact floats: Adam's bias correction needs it after a resume).
 *
 * <p>Not thread-safe for training (one instance per training loop, as {@code ModelEstimator} uses it);
 * {@link #inference} locks the network, since DL4J keeps each layer's last input.
 */
final class Dl4jNetworkPart implements Model {
    private static final String SCOPE = "custom/";
    private static final String UPDATER_STATE = SCOPE + "updater_state";
    private static final String ITERATIONS = SCOPE + "iterations";

    private final FeatureTransformer transformer;
    private final EmbeddingTables tables;
    private final MultiLayerNetwork network;
    private final int logitsDimension;
    private final Double[] baseLearningRates;
    private long iteration;

    Dl4jNetworkPart(List<? extends FeatureColumn> columns, MultiLayerConfiguration configuration, int logitsDimension) {
        check(columns, configuration, logitsDimension);
        this.transformer = FeatureTransformer.dense(columns);
        this.tables = new EmbeddingTables(0L);
        this.logitsDimension = logitsDimension;
        MultiLayerConfiguration conf = configuration.clone();
        // Layers keep their last input for backprop between forward() and backward(): outside DL4J's workspaces.
        conf.setTrainingWorkspaceMode(WorkspaceMode.NONE);
        conf.setInferenceWorkspaceMode(WorkspaceMode.NONE);
        this.network = new MultiLayerNetwork(conf);
        network.init();
        network.initGradientsView();
        this.baseLearningRates = new Double[network.getnLayers()];
        for (int i = 0; i < baseLearningRates.length; i++) {
            baseLearningRates[i] = network.getLearningRate(i);
        }
    }

    /**
     * Refuses, with what to change, a network that cannot sit behind a head: an output or loss layer last (the head
     * computes the loss), a first layer whose {@code nIn} is not the columns' width, a last layer whose {@code nOut}
     * is not the head's logits dimension, and embedding columns (their tables are not trained here yet).
     */
    static void check(List<? extends FeatureColumn> columns, MultiLayerConfiguration conf, int logitsDimension) {
        FeatureTransformer transformer = FeatureTransformer.dense(columns);
        for (DenseColumn c : transformer.denseColumns()) {
            if (c instanceof EmbeddingColumn || c instanceof SharedEmbeddingColumn) {
                throw new IllegalArgumentException("CustomEstimator: column '" + c.name()
                        + "' is an embedding column, which a DL4J network cannot take yet; use an indicator column"
                        + " over its categorical column, or a premade DNN estimator");
            }
        }
        int layers = conf.getConfs().size();
        if (layers == 0) {
            throw new IllegalArgumentException("CustomEstimator: the network has no layers");
        }
        Layer last = conf.getConf(layers - 1).getLayer();
        if (last instanceof BaseOutputLayer || last instanceof LossLayer) {
            throw new IllegalArgumentException("CustomEstimator: the network's last layer (" + (layers - 1) + ", "
                    + last.getClass().getSimpleName() + ") computes a loss, but the head does; end the network with"
                    + " a layer whose output is the logits, e.g. a DenseLayer with Activation.IDENTITY and nOut "
                    + logitsDimension);
        }
        if (last instanceof FeedForwardLayer f && f.getNOut() != logitsDimension) {
            throw new IllegalArgumentException("CustomEstimator: the network's last layer has nOut " + f.getNOut()
                    + " but the head needs " + logitsDimension + " logits per example; set nOut(" + logitsDimension
                    + ")");
        }
        Layer first = conf.getConf(0).getLayer();
        int width = transformer.denseWidth();
        if (first instanceof FeedForwardLayer f && f.getNIn() != width) {
            throw new IllegalArgumentException("CustomEstimator: the network's first layer has nIn " + f.getNIn()
                    + " but the feature columns give " + width + " values per example; set nIn(" + width + ")");
        }
    }

    @Override
    public int logitsDimension() {
        return logitsDimension;
    }

    @Override
    public float[] forward(Batch features, boolean training) {
        INDArray input = input(features);
        synchronized (network) {
            if (!training) {
                return logits(network.output(input, false));
            }
            // Layer by layer rather than feedForward(), which clears the layers' inputs that backprop needs.
            LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
            network.setInput(input);
            network.setInputMiniBatchSize((int) input.size(0));
            INDArray x = input;
            for (int i = 0; i < network.getnLayers(); i++) {
                InputPreProcessor pre = network.getLayerWiseConfigurations().getInputPreProcess(i);
                if (pre != null) {
                    x = pre.preProcess(x, (int) input.size(0), noWorkspaces);
                }
                x = network.getLayer(i).activate(x, true, noWorkspaces);
            }
            return logits(x);
        }
    }

    @Override
    public float[] inference(Batch features) {
        INDArray input = input(features);
        synchronized (network) {
            return logits(network.output(input, false));
        }
    }

    @Override
    public void backward(float[] dLogits) {
        synchronized (network) {
            long rows = dLogits.length / logitsDimension;
            INDArray epsilon = Nd4j.create(dLogits, new long[] {rows, logitsDimension}, 'c');
            Gradient gradient = network.backpropGradient(epsilon, LayerWorkspaceMgr.noWorkspaces())
                    .getFirst();
            Updater updater = network.getUpdater();
            // Batch size 1: the head's gradient is already the reduced loss's (see the class comment).
            updater.update(network, gradient, (int) iteration, 0, 1, LayerWorkspaceMgr.noWorkspaces());
            network.params().subi(gradient.gradient());
            iteration++;
            network.setIterationCount((int) iteration);
        }
    }

    @Override
    public Map<String, float[]> variables() {
        synchronized (network) {
            Map<String, float[]> out = new LinkedHashMap<>();
            for (Map.Entry<String, INDArray> p : network.paramTable().entrySet()) {
                out.put(variableName(p.getKey()), flat(p.getValue()));
            }
            INDArray state = network.getUpdater().getStateViewArray();
            out.put(UPDATER_STATE, state == null ? new float[0] : flat(state));
            out.put(ITERATIONS, new float[] {iteration >>> 24, iteration & 0xFFFFFF});
            return out;
        }
    }

    @Override
    public void restore(Map<String, float[]> saved) {
        synchronized (network) {
            List<String> problems = new ArrayList<>();
            Map<String, INDArray> params = network.paramTable();
            for (Map.Entry<String, INDArray> p : params.entrySet()) {
                String name = variableName(p.getKey());
                check(saved, name, p.getValue().length(), problems);
            }
            INDArray state = network.getUpdater().getStateViewArray();
            check(saved, UPDATER_STATE, state == null ? 0 : state.length(), problems);
            check(saved, ITERATIONS, 2, problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the checkpoint does not fit this DL4J network ("
                        + String.join("; ", problems) + "); train this network in a new model_dir");
            }
            for (Map.Entry<String, INDArray> p : params.entrySet()) {
                assign(p.getValue(), saved.get(variableName(p.getKey())));
            }
            if (state != null) {
                assign(state, saved.get(UPDATER_STATE));
            }
            float[] count = saved.get(ITERATIONS);
            iteration = ((long) count[0] << 24) + (long) count[1];
            network.setIterationCount((int) iteration);
        }
    }

    @Override
    public void setLearningRateMultiplier(double multiplier) {
        synchronized (network) {
            for (int i = 0; i < baseLearningRates.length; i++) {
                // Layers without a learning rate (no parameters, or a schedule) keep theirs.
                if (baseLearningRates[i] != null) {
                    network.setLearningRate(i, baseLearningRates[i] * multiplier);
                }
            }
        }
    }

    private INDArray input(Batch features) {
        TransformContext context = new TransformContext(features, tables);
        float[] dense = transformer.transform(context).dense();
        int width = transformer.denseWidth();
        return Nd4j.create(dense, new long[] {context.numRows(), width}, 'c');
    }

    private float[] logits(INDArray output) {
        return flat(output.castTo(DataType.FLOAT));
    }

    /** DL4J's {@code 0_W} as {@code custom/layer_0/W}. */
    private static String variableName(String dl4jKey) {
        int underscore = dl4jKey.indexOf('_');
        return SCOPE + "layer_" + dl4jKey.substring(0, underscore) + "/" + dl4jKey.substring(underscore + 1);
    }

    private static float[] flat(INDArray array) {
        return Nd4j.toFlattened('c', array).castTo(DataType.FLOAT).toFloatVector();
    }

    private static void assign(INDArray target, float[] values) {
        target.assign(Nd4j.create(values, target.shape(), 'c').castTo(target.dataType()));
    }

    private static void check(Map<String, float[]> saved, String name, long size, List<String> problems) {
        float[] v = saved.get(name);
        if (v == null) {
            problems.add("no variable '" + name + "'");
        } else if (v.length != size) {
            problems.add("'" + name + "' has " + v.length + " values, this network " + size);
        }
    }
}
