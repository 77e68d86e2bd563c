package org.estimator4j.estimators.builtin.loss;

import org.estimator4j.spi.loss.Loss;

/**
 * Softmax cross-entropy of n logits against a class id, optionally with label smoothing: the target is
 * {@code (1 - s) onehot(y) + s / n}, the loss {@code logsumexp(x) - Σ t_j x_j} (the maximum subtracted before
 * {@code exp}), the gradient {@code softmax(x) - t}. Shared by {@code categorical_crossentropy} and
 * {@code sparse_categorical_crossentropy}.
 */
final class SoftmaxCrossentropy implements Loss {
    private final String name;
    private final double smoothing;

    SoftmaxCrossentropy(String name, double smoothing) {
        this.name = name;
        this.smoothing = smoothing;
    }

    @Override
    public void compute(float[] logits, float[] labels, int numRows, int logitsDimension, float[] losses,
            float[] gradient) {
        int n = logitsDimension;
        if (n < 2) {
            throw new IllegalArgumentException(name + " needs a logit per class (at least 2), got " + n
                    + "; for a binary classifier (one logit) use binary_crossentropy");
        }
        double off = smoothing / n;
        double on = 1 - smoothing + off;
        for (int r = 0; r < numRows; r++) {
            int y = Losses.classId(name, labels[r], r, n);
            int base = r * n;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                max = Math.max(max, logits[base + j]);
            }
            double sum = 0;
            double targetDotLogits = 0;
            for (int j = 0; j < n; j++) {
                double shifted = logits[base + j] - max;
                sum += Math.exp(shifted);
                targetDotLogits += (j == y ? on : off) * shifted;
            }
            // Σ t_j = 1, so logsumexp(x) - Σ t_j x_j = log Σ exp(x_j - max) - Σ t_j (x_j - max).
            losses[r] = (float) (Math.log(sum) - targetDotLogits);
            for (int j = 0; j < n; j++) {
                double softmax = Math.exp(logits[base + j] - max) / sum;
                gradient[base + j] = (float) (softmax - (j == y ? on : off));
            }
        }
    }
}
