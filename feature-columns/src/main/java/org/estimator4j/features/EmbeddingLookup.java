package org.estimator4j.features;

import java.util.Arrays;

/**
 * The lookup both embedding columns share: TensorFlow's {@code safe_embedding_lookup_sparse}. Negative ids (and
 * weights ≤ 0 with weights) are dropped; a row left with no ids is all zeros; with max_norm, each vector is clipped
 * to that L2 norm before combining.
 */
final class EmbeddingLookup {
    private EmbeddingLookup() {}

    static void write(
            SparseIds ids,
            float[] table,
            int dimension,
            Combiner combiner,
            Float maxNorm,
            float[] out,
            int stride,
            int offset) {
        int[] offsets = ids.offsets();
        long[] id = ids.ids();
        float[] w = ids.weights();
        long buckets = table.length / dimension;
        for (int r = 0; r < ids.numRows(); r++) {
            int o = r * stride + offset;
            Arrays.fill(out, o, o + dimension, 0f);
            double weightSum = 0;
            double squareSum = 0;
            for (int i = offsets[r]; i < offsets[r + 1]; i++) {
                long k = id[i];
                float weight = w == null ? 1f : w[i];
                if (k < 0 || (w != null && weight <= 0)) {
                    continue;
                }
                if (k >= buckets) {
                    throw new FeatureColumnException(
                            "embedding lookup: id " + k + " is outside the table's " + buckets + " rows");
                }
                int base = (int) (k * dimension);
                float scale = weight;
                if (maxNorm != null) {
                    double norm = 0;
                    for (int d = 0; d < dimension; d++) {
                        norm += (double) table[base + d] * table[base + d];
                    }
                    norm = Math.sqrt(norm);
                    if (norm > maxNorm) {
                        scale *= (float) (maxNorm / norm);
                    }
                }
                for (int d = 0; d < dimension; d++) {
                    out[o + d] += scale * table[base + d];
                }
                weightSum += weight;
                squareSum += (double) weight * weight;
            }
            double divisor = switch (combiner) {
                case SUM -> 1;
                case MEAN -> weightSum;
                case SQRTN -> Math.sqrt(squareSum);
            };
            if (divisor != 1 && divisor > 0) {
                for (int d = 0; d < dimension; d++) {
                    out[o + d] = (float) (out[o + d] / divisor);
                }
            }
        }
    }
}
