package org.estimator4j.estimators.dnn;

import org.estimator4j.spi.layer.Layer;

/**
 * The buffers of the layers that see a training batch whole (batch normalization, which takes its statistics over
 * every row, and plugin layers): a network with either runs in one lane, so one set serves it. Sized for the largest
 * batch so far and reused, never allocated per step.
 */
final class WholeBatchBuffers {
    private int capacity;
    /** Per hidden layer with batch normalization: its normalized input (kept for the backward pass). */
    float[][] normalized;
    /** Per hidden layer with batch normalization: its output. */
    float[][] outputs;
    /** Per hidden layer with batch normalization: d loss / d its input. */
    float[][] gradientsBeforeNorm;
    /** Per plugin layer: its output and d loss / d its output. */
    float[][] customOutputs;

    float[][] customGradients;

    /** Grows the buffers to {@code n} rows when they are smaller. */
    void ensureCapacity(int n, DenseLayer[] hidden, BatchNorm[] batchNorms, Layer[] custom) {
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
        capacity = n;
    }
}
