package org.estimator4j.estimators.builtin.metric;

import java.util.Arrays;

/**
 * Every (score, label, weight) seen, for metrics that rank exactly (exact AUC, KS): 9 bytes per example, so memory
 * grows with the evaluation data. {@link #curve} gives the weighted true and false positives at every distinct score.
 */
final class RankedScores {
    private float[] scores = new float[256];
    private float[] weights = new float[256];
    private boolean[] positives = new boolean[256];
    private int size;

    void add(float score, boolean positive, float weight) {
        if (size == scores.length) {
            grow(size + 1);
        }
        scores[size] = score;
        positives[size] = positive;
        weights[size] = weight;
        size++;
    }

    void addAll(RankedScores other) {
        if (size + other.size > scores.length) {
            grow(size + other.size);
        }
        System.arraycopy(other.scores, 0, scores, size, other.size);
        System.arraycopy(other.positives, 0, positives, size, other.size);
        System.arraycopy(other.weights, 0, weights, size, other.size);
        size += other.size;
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    private void grow(int needed) {
        if (needed < 0 || needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("an exact ranking metric cannot hold more than " + (Integer.MAX_VALUE - 8)
                    + " examples; use the thresholded auc (exact false) or evaluate fewer steps");
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * scores.length));
        scores = Arrays.copyOf(scores, capacity);
        positives = Arrays.copyOf(positives, capacity);
        weights = Arrays.copyOf(weights, capacity);
    }

    /**
     * Weighted true and false positives when the examples scoring at least t are called positive, for t at every
     * distinct score and one above them all, in increasing order of t as {@code Auc.roc(tp, fp, ...)} takes them:
     * index 0 (the lowest score) calls everything positive, the last nothing.
     */
    record Curve(double[] truePositives, double[] falsePositives, double totalPositive, double totalNegative) {}

    Curve curve() {
        // Sort by score through one long per example: the score's bits made order-preserving as a signed int in the
        // high half, the index in the low half (no boxing for millions of examples).
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            int bits = Float.floatToIntBits(scores[i] == 0f ? 0f : scores[i]); // -0 and 0 tie
            int ordered = bits ^ ((bits >> 31) & 0x7fffffff);
            keys[i] = ((long) ordered << 32) | i;
        }
        Arrays.sort(keys);
        double[] tp = new double[size + 1];
        double[] fp = new double[size + 1];
        int points = 1; // point 0: nothing called positive
        double truePositive = 0;
        double falsePositive = 0;
        int i = size - 1;
        while (i >= 0) {
            long group = keys[i] >> 32;
            while (i >= 0 && keys[i] >> 32 == group) {
                int k = (int) keys[i];
                if (positives[k]) {
                    truePositive += weights[k];
                } else {
                    falsePositive += weights[k];
                }
                i--;
            }
            tp[points] = truePositive;
            fp[points] = falsePositive;
            points++;
        }
        double[] tpUp = new double[points];
        double[] fpUp = new double[points];
        for (int p = 0; p < points; p++) {
            tpUp[p] = tp[points - 1 - p];
            fpUp[p] = fp[points - 1 - p];
        }
        return new Curve(tpUp, fpUp, truePositive, falsePositive);
    }
}
