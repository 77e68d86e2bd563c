package org.estimator4j.estimators.dnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.estimator4j.estimators.optimizer.Optimizer;
import org.estimator4j.spi.layer.Layer;

/**
 * The layer stack of a {@link DnnPart}, from its input matrix to its logits: hidden layers of
 * {@code Dense(activation) → Dropout (training only) → BatchNormalization}, then plugin layers, then a linear logits
 * layer. It runs one lane's rows forward and backward ({@link RowLane} holds the lane's buffers) and infers any rows
 * on buffers of its own; which rows go to which lane is {@link RowLanes}' job, the optimizer step
 * {@link DnnParameters}'.
 */
final class DnnNetwork {
    private final DenseLayer[] hidden;
    private final BatchNorm[] batchNorms;
    private final Dropout dropout;
    private final Layer[] custom;
    private final List<Map<String, float[]>> customGradientViews = new ArrayList<>();
    private final DenseLayer logits;
    /** Whether the backward pass computes d loss / d input (embeddings train with the network). */
    private final boolean inputGradient;

    private final WholeBatchBuffers buffers = new WholeBatchBuffers();

    /**
     * Builds the layers, drawing their initial values from {@code seed}, and appends their trainable variables to
     * {@code parameters} in checkpoint order (each hidden layer's kernel, bias, gamma, beta; the plugin layers'; the
     * logits' kernel and bias).
     */
    DnnNetwork(
            String scope,
            int inputWidth,
            int logitsDimension,
            List<Integer> hiddenUnits,
            Activation activation,
            Dropout dropout,
            boolean batchNorm,
            List<CustomLayer> customLayers,
            Optimizer optimizer,
            long seed,
            boolean inputGradient,
            List<Parameter> parameters) {
        this.dropout = dropout;
        this.inputGradient = inputGradient;
        SplittableRandom init = new SplittableRandom(seed);
        this.hidden = new DenseLayer[hiddenUnits.size()];
        this.batchNorms = new BatchNorm[hiddenUnits.size()];
        int width = inputWidth;
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
        for (int j = 0; j < custom.length; j++) {
            CustomLayer spec = customLayers.get(j);
            custom[j] = spec.factory().get();
            Map<String, float[]> variables = custom[j].build(width, seed + 1 + j);
            Map<String, float[]> grads = new LinkedHashMap<>();
            for (Map.Entry<String, float[]> v : variables.entrySet()) {
                Parameter p = Parameter.dense(scope + "/custom_" + j + "/" + v.getKey(), v.getValue(), optimizer);
                parameters.add(p);
                grads.put(v.getKey(), p.gradient);
            }
            customGradientViews.add(Collections.unmodifiableMap(grads));
            width = custom[j].outputWidth();
            if (width < 1) {
                throw new IllegalStateException("plugin layer '" + spec.type() + "' (" + spec.origin()
                        + ") reports output width " + width + " after build(); it must be > 0");
            }
        }
        this.logits = new DenseLayer(scope + "/logits", width, logitsDimension, Activation.LINEAR, optimizer, init);
        parameters.add(logits.kernel);
        parameters.add(logits.bias);
    }

    int logitsDimension() {
        return logits.units;
    }

    /**
     * Whether a training batch may be split into row lanes: not when batch normalization (statistics over the whole
     * batch) or plugin layers are in the network.
     */
    boolean splitsRows() {
        if (custom.length > 0) {
            return false;
        }
        for (BatchNorm b : batchNorms) {
            if (b != null) {
                return false;
            }
        }
        return true;
    }

    /** The dense layers whose variables lanes update slice by slice: the hidden layers, then the logits (last). */
    int denseLayers() {
        return hidden.length + 1;
    }

    DenseLayer denseLayer(int l) {
        return l < hidden.length ? hidden[l] : logits;
    }

    /** Whether {@code p} is a dense layer's kernel or bias (what {@link #denseLayer} reaches). */
    boolean isDenseVariable(Parameter p) {
        for (DenseLayer layer : hidden) {
            if (p == layer.kernel || p == layer.bias) {
                return true;
            }
        }
        return p == logits.kernel || p == logits.bias;
    }

    /** Sizes a lane's buffers for {@code rows} rows (growing only). */
    void ensureCapacity(RowLane lane, int rows, int inputWidth) {
        lane.ensureCapacity(rows, hidden, logits, dropout.isOn(), inputWidth, inputGradient);
    }

    /** Sizes the buffers of the layers that see the whole batch for {@code n} rows (growing only). */
    void ensureWholeBatchCapacity(int n) {
        buffers.ensureCapacity(n, hidden, batchNorms, custom);
    }

    /** The hidden layers, plugin layers and logits for one lane's rows. */
    void forward(RowLane lane) {
        int n = lane.rows;
        float[] x = lane.input;
        for (int i = 0; i < hidden.length; i++) {
            int size = n * hidden[i].units;
            hidden[i].forward(x, i == 0 ? lane.inputFrom : 0, n, lane.activations[i]);
            float[] out = lane.activations[i];
            if (dropout.isOn()) {
                dropout.forward(out, size, lane.dropoutRandom, lane.masks[i], lane.dropped[i]);
                out = lane.dropped[i];
            }
            if (batchNorms[i] != null) {
                batchNorms[i].forwardTraining(out, n, buffers.normalized[i], buffers.outputs[i]);
                out = buffers.outputs[i];
            }
            x = out;
        }
        for (int j = 0; j < custom.length; j++) {
            custom[j].forward(x, n, buffers.customOutputs[j], true);
            x = buffers.customOutputs[j];
        }
        logits.forward(x, 0, n, lane.logits);
    }

    /** The output of hidden block {@code i} in a lane's last training forward (the next layer's input). */
    private float[] blockOutput(RowLane lane, int i) {
        if (batchNorms[i] != null) {
            return buffers.outputs[i];
        }
        return dropout.isOn() ? lane.dropped[i] : lane.activations[i];
    }

    /** Back-propagates one lane's rows: its share of every kernel and bias gradient, and of the input gradient. */
    void backward(RowLane lane) {
        int n = lane.rows;
        int last = hidden.length - 1;
        int top = hidden.length; // the logits layer's index in the lane's gradient targets
        if (custom.length == 0) {
            logits.backward(
                    blockOutput(lane, last),
                    0,
                    null,
                    lane.logitsGradient,
                    n,
                    lane.gradients[last],
                    lane.kernelGradients[top],
                    lane.biasGradients[top]);
        } else {
            float[][] customOutputs = buffers.customOutputs;
            float[][] customGradients = buffers.customGradients;
            int c = custom.length - 1;
            logits.backward(
                    customOutputs[c],
                    0,
                    null,
                    lane.logitsGradient,
                    n,
                    customGradients[c],
                    lane.kernelGradients[top],
                    lane.biasGradients[top]);
            for (int j = c; j >= 0; j--) {
                Map<String, float[]> grads = customGradientViews.get(j);
                for (float[] g : grads.values()) {
                    Arrays.fill(g, 0f);
                }
                custom[j].backward(customGradients[j], n, j > 0 ? customGradients[j - 1] : lane.gradients[last], grads);
            }
        }
        for (int i = last; i >= 0; i--) {
            int size = n * hidden[i].units;
            float[] d = lane.gradients[i];
            if (batchNorms[i] != null) {
                batchNorms[i].backward(buffers.normalized[i], d, n, buffers.gradientsBeforeNorm[i]);
                d = buffers.gradientsBeforeNorm[i];
            }
            if (dropout.isOn()) {
                Dropout.backward(d, lane.masks[i], size);
            }
            float[] x = i == 0 ? lane.input : blockOutput(lane, i - 1);
            float[] dx = i > 0 ? lane.gradients[i - 1] : inputGradient ? lane.inputGradient : null;
            hidden[i].backward(
                    x,
                    i == 0 ? lane.inputFrom : 0,
                    lane.activations[i],
                    d,
                    n,
                    dx,
                    lane.kernelGradients[i],
                    lane.biasGradients[i]);
        }
    }

    /**
     * The network on {@code n} rows of {@code x} from {@code x[xFrom]} on, logits into {@code out}; allocates its own
     * buffers, so any number of threads may infer at once.
     */
    void infer(float[] x, int xFrom, int n, float[] out) {
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

    /** The batch normalization moving statistics (saved, not trained), named as TensorFlow names them. */
    void saveStatistics(Map<String, float[]> out) {
        for (BatchNorm b : batchNorms) {
            if (b != null) {
                out.put(b.movingMeanName, b.movingMean.clone());
                out.put(b.movingVarianceName, b.movingVariance.clone());
            }
        }
    }

    void restoreStatistics(Map<String, float[]> saved) {
        for (BatchNorm b : batchNorms) {
            if (b != null) {
                Parameter.copy(saved, b.movingMeanName, b.movingMean);
                Parameter.copy(saved, b.movingVarianceName, b.movingVariance);
            }
        }
    }
}
