package org.estimator4j.features.transform;

import java.util.Arrays;
import java.util.Map;
import org.estimator4j.features.SparseIds;

/**
 * A batch's model inputs: a row-major dense matrix ({@code numRows × denseWidth}, columns laid out as
 * {@link FeatureTransformer#denseLayout()} says) and sparse ids per categorical column, by column name.
 */
public record TransformedBatch(int numRows, float[] dense, int denseWidth, Map<String, SparseIds> sparse) {
    public TransformedBatch {
        sparse = Map.copyOf(sparse);
    }

    /** Row {@code r} of the dense matrix (a copy). */
    public float[] denseRow(int r) {
        return Arrays.copyOfRange(dense, r * denseWidth, (r + 1) * denseWidth);
    }

    public SparseIds sparse(String columnName) {
        SparseIds s = sparse.get(columnName);
        if (s == null) {
            throw new IllegalArgumentException(
                    "no sparse output named '" + columnName + "'; there are " + sparse.keySet());
        }
        return s;
    }
}
