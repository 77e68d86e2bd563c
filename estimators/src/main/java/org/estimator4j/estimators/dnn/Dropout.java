package org.estimator4j.estimators.dnn;

import java.util.SplittableRandom;

/**
 * Dropout after a hidden layer, in training only: each output is kept with probability {@code 1 - rate} and scaled by
 * {@code 1 / (1 - rate)}, or zeroed. The mask is drawn into a lane's own buffer, so the backward pass multiplies the
 * same mask in; the random stream is the lane's, so a lane split draws the same masks on every run.
 */
final class Dropout {
    /** The probability of dropping an output; 0 for none. */
    final float rate;

    private final float keep;

    Dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + rate);
        }
        this.rate = (float) rate;
        this.keep = 1 - this.rate;
    }

    boolean isOn() {
        return rate > 0;
    }

    /** Draws {@code size} mask entries and writes {@code out * mask} into {@code dropped}. */
    void forward(float[] out, int size, SplittableRandom random, float[] mask, float[] dropped) {
        float keep = this.keep;
        for (int e = 0; e < size; e++) {
            mask[e] = random.nextDouble() < keep ? 1 / keep : 0f;
            dropped[e] = out[e] * mask[e];
        }
    }

    /** {@code d *= mask}: the gradient reaches only the outputs the forward pass kept. */
    static void backward(float[] d, float[] mask, int size) {
        for (int e = 0; e < size; e++) {
            d[e] *= mask[e];
        }
    }
}
