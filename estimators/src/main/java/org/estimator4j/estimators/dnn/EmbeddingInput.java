package org.estimator4j.estimators.dnn;

import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.Combiner;
import org.estimator4j.features.EmbeddingColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.SharedEmbeddingColumn;
import org.estimator4j.features.SparseIds;
import org.estimator4j.features.transform.TransformContext;

/**
 * An embedding column (plain or shared) as a DNN input: where its vectors sit in the input matrix and how to send the
 * input's gradient back to the table rows its ids looked up. The lookup's combiner weights are recomputed exactly as
 * the forward pass computed them; a max_norm clip factor is treated as a constant of the step.
 */
final class EmbeddingInput {
    final String tableName;
    final CategoricalColumn categoricalColumn;
    final int dimension;
    final Combiner combiner;
    final Float maxNorm;
    final boolean trainable;
    final int offset;

    private EmbeddingInput(
            String tableName,
            CategoricalColumn categoricalColumn,
            int dimension,
            Combiner combiner,
            Float maxNorm,
            boolean trainable,
            int offset) {
        this.tableName = tableName;
        this.categoricalColumn = categoricalColumn;
        this.dimension = dimension;
        this.combiner = combiner;
        this.maxNorm = maxNorm;
        this.trainable = trainable;
        this.offset = offset;
    }

    /** The embedding input for {@code column} at {@code offset} of the input row, or null if it is no embedding. */
    static EmbeddingInput of(FeatureColumn column, int offset) {
        if (column instanceof EmbeddingColumn e) {
            return new EmbeddingInput(
                    e.tableName(),
                    e.categoricalColumn(),
                    e.dimension(),
                    e.combiner(),
                    e.maxNorm(),
                    e.trainable(),
                    offset);
        }
        if (column instanceof SharedEmbeddingColumn e) {
            return new EmbeddingInput(
                    e.sharedEmbeddingCollectionName(),
                    e.categoricalColumn(),
                    e.dimension(),
                    e.combiner(),
                    e.maxNorm(),
                    e.trainable(),
                    offset);
        }
        return null;
    }

    long numBuckets() {
        return categoricalColumn.numBuckets();
    }

    /** Adds this column's share of {@code dx} ({@code n × width}) to the gradient of the table rows it read. */
    void backward(TransformContext context, float[] dx, int width, Parameter table) {
        SparseIds ids = categoricalColumn.ids(context);
        int[] offsets = ids.offsets();
        long[] id = ids.ids();
        float[] w = ids.weights();
        float[] values = table.values;
        float[] gradient = table.gradient;
        for (int r = 0; r < ids.numRows(); r++) {
            double weightSum = 0;
            double squareSum = 0;
            for (int i = offsets[r]; i < offsets[r + 1]; i++) {
                float weight = w == null ? 1f : w[i];
                if (id[i] >= 0 && (w == null || weight > 0)) {
                    weightSum += weight;
                    squareSum += (double) weight * weight;
                }
            }
            double divisor = switch (combiner) {
                case SUM -> 1;
                case MEAN -> weightSum;
                case SQRTN -> Math.sqrt(squareSum);
            };
            if (!(divisor > 0)) {
                continue;
            }
            int o = r * width + offset;
            for (int i = offsets[r]; i < offsets[r + 1]; i++) {
                float weight = w == null ? 1f : w[i];
                if (id[i] < 0 || (w != null && weight <= 0)) {
                    continue;
                }
                int row = (int) id[i];
                int base = row * dimension;
                float scale = (float) (weight * clip(values, base) / divisor);
                table.touchRow(row);
                for (int d = 0; d < dimension; d++) {
                    gradient[base + d] += scale * dx[o + d];
                }
            }
        }
    }

    private double clip(float[] values, int base) {
        if (maxNorm == null) {
            return 1;
        }
        double norm = 0;
        for (int d = 0; d < dimension; d++) {
            norm += (double) values[base + d] * values[base + d];
        }
        norm = Math.sqrt(norm);
        return norm > maxNorm ? maxNorm / norm : 1;
    }
}
