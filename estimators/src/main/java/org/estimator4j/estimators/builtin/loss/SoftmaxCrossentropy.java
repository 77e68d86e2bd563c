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
    public void compute(
            float[] logits, float[] labels, int numRows, int logitsDimension, float[] losses, float[] gradient) {
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
            int argmax = base;
            for (int j = base + 1; j < base + n; j++) {
                if (logits[j] > logits[argmax]) {
                    argmax = j;
                }
            }
            double max = logits[argmax];
            // The maximum's term is exp(0) = 1; the others are summed apart so that log(sum) is log1p(others), exact
            // where the maximum dominates, and softmax(y) - 1 is -(the terms other than y's) / sum, without the
            // cancellation of 1 - 1 when the label's logit is confidently right.
            double othersThanMax = 0;
            double othersThanLabel = 0;
            double targetDotLogits = 0;
            for (int j = 0; j < n; j++) {
                double shifted = logits[base + j] - max;
                double e = Math.exp(shifted);
                if (base + j != argmax) {
                    othersThanMax += e;
                }
                if (j != y) {
                    othersThanLabel += e;
                }
                targetDotLogits += (j == y ? on : off) * shifted;
            }
            double sum = 1 + othersThanMax;
            // Σ t_j = 1, so logsumexp(x) - Σ t_j x_j = log Σ exp(x_j - max) - Σ t_j (x_j - max): both terms >= 0.
            losses[r] = (float) (Math.log1p(othersThanMax) - targetDotLogits);
            for (int j = 0; j < n; j++) {
                // softmax(y) - on = (softmax(y) - 1) + (1 - on); 1 - on is 0 without smoothing.
                gradient[base + j] = (float)
                        (j == y ? (1 - on) - othersThanLabel / sum : Math.exp(logits[base + j] - max) / sum - off);
            }
        }
    }
}
