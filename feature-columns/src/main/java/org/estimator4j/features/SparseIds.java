package org.estimator4j.features;

import java.util.Arrays;

/**
 * A categorical column's output for a batch: for each row, any number of ids (and weights), stored row-compressed:
 * row r holds {@code ids[offsets[r] .. offsets[r+1])}. This is what linear models consume as a sparse weighted sum;
 * nothing here is ever expanded to a one-hot vector. As in TensorFlow, negative ids (-1 for a value out of vocabulary
 * with no OOV buckets, or an identity column's negative values) are kept here and skipped by consumers (indicator,
 * embedding, linear: TensorFlow's safe_embedding_lookup_sparse prunes every id below 0). Weights are null when all
 * are 1.
 */
public final class SparseIds {
    private final int numRows;
    private final int[] offsets;
    private final long[] ids;
    private final float[] weights;

    public SparseIds(int numRows, int[] offsets, long[] ids, float[] weights) {
        if (offsets.length < numRows + 1
                || offsets[numRows] > ids.length
                || (weights != null && weights.length < offsets[numRows])) {
            throw new IllegalArgumentException("inconsistent sparse ids: " + numRows + " rows, " + offsets.length
                    + " offsets, " + ids.length + " ids");
        }
        this.numRows = numRows;
        this.offsets = offsets;
        this.ids = ids;
        this.weights = weights;
    }

    public int numRows() {
        return numRows;
    }

    /** Row offsets (shared: do not modify). */
    public int[] offsets() {
        return offsets;
    }

    /** All rows' ids back to back (shared: do not modify); may be longer than {@code offsets[numRows]}. */
    public long[] ids() {
        return ids;
    }

    /** Weights aligned with {@link #ids()}, or null when every weight is 1. */
    public float[] weights() {
        return weights;
    }

    public int count(int row) {
        return offsets[row + 1] - offsets[row];
    }

    public long id(int row, int i) {
        return ids[offsets[row] + i];
    }

    public float weight(int row, int i) {
        return weights == null ? 1f : weights[offsets[row] + i];
    }

    /** One row's ids, for display and tests. */
    public long[] row(int row) {
        return Arrays.copyOfRange(ids, offsets[row], offsets[row + 1]);
    }

    /** One row's weights (all 1 when unweighted), for display and tests. */
    public float[] rowWeights(int row) {
        if (weights == null) {
            float[] ones = new float[count(row)];
            Arrays.fill(ones, 1f);
            return ones;
        }
        return Arrays.copyOfRange(weights, offsets[row], offsets[row + 1]);
    }

    /** The same ids with these weights. */
    SparseIds withWeights(float[] w) {
        return new SparseIds(numRows, offsets, ids, w);
    }

    /** Appends rows' ids; the per-batch builder of every categorical column. */
    public static final class Builder {
        private final int numRows;
        private final int[] offsets;
        private long[] ids;
        private int size;
        private int row;

        public Builder(int numRows, int expectedIds) {
            this.numRows = numRows;
            this.offsets = new int[numRows + 1];
            this.ids = new long[Math.max(expectedIds, 16)];
        }

        public void add(long id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, ids.length * 2);
            }
            ids[size++] = id;
        }

        /** Ends the current row. */
        public void endRow() {
            offsets[++row] = size;
        }

        public SparseIds build() {
            if (row != numRows) {
                throw new IllegalStateException(row + " rows ended, expected " + numRows);
            }
            return new SparseIds(numRows, offsets, ids, null);
        }
    }
}
