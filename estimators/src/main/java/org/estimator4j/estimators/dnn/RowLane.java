package org.estimator4j.estimators.dnn;

import java.util.SplittableRandom;

/**
 * One thread's share of a training batch in a {@link DnnPart}: a contiguous range of rows with its own buffers
 * (input slice, per-layer outputs, dropout masks, gradients) and its own kernel and bias gradients, which
 * {@link DnnParameters#applyLane} sums after the backward pass. Lane 0 writes its gradients straight into the
 * parameters' arrays. The lanes read their rows of the batch's input where they lie ({@link Blas} copies just those);
 * every array a lane writes is its own.
 */
final class RowLane {
    final int index;
    final SplittableRandom dropoutRandom;
    int from;
    int rows;
    int capacity;
    /** The whole batch's network input; this lane's rows start at {@code input[inputFrom]}. */
    float[] input;

    int inputFrom;
    float[][] activations;
    float[][] masks;
    float[][] dropped;
    float[][] gradients;
    float[] inputGradient;
    float[] logits;
    float[] logitsGradient;
    /** Per dense layer (hidden layers, then logits): where this lane's kernel and bias gradients go. */
    float[][] kernelGradients;

    float[][] biasGradients;

    RowLane(int index, long seed) {
        this.index = index;
        this.dropoutRandom = new SplittableRandom(seed + index);
    }

    /** Sizes the buffers for {@code rows} rows (growing only), given lane 0's gradient targets or fresh ones. */
    void ensureCapacity(
            int rows,
            DenseLayer[] hidden,
            DenseLayer logitsLayer,
            boolean dropout,
            int inputWidth,
            boolean trainsInputs) {
        if (rows <= capacity) {
            return;
        }
        int layers = hidden.length;
        activations = new float[layers][];
        gradients = new float[layers][];
        masks = new float[layers][];
        dropped = new float[layers][];
        for (int i = 0; i < layers; i++) {
            int size = rows * hidden[i].units;
            activations[i] = new float[size];
            gradients[i] = new float[size];
            if (dropout) {
                masks[i] = new float[size];
                dropped[i] = new float[size];
            }
        }
        inputGradient = trainsInputs ? new float[rows * inputWidth] : null;
        logits = new float[rows * logitsLayer.units];
        logitsGradient = new float[rows * logitsLayer.units];
        if (kernelGradients == null) {
            kernelGradients = new float[layers + 1][];
            biasGradients = new float[layers + 1][];
            for (int i = 0; i <= layers; i++) {
                DenseLayer layer = i < layers ? hidden[i] : logitsLayer;
                kernelGradients[i] = index == 0 ? layer.kernel.gradient : new float[layer.kernel.gradient.length];
                biasGradients[i] = index == 0 ? layer.bias.gradient : new float[layer.bias.gradient.length];
            }
        }
        capacity = rows;
    }
}
