package org.estimator4j.features;

import org.estimator4j.features.transform.TransformContext;

/** A column with a fixed number of float values per row: TensorFlow's DenseColumn. */
public interface DenseColumn extends FeatureColumn {
    /** Values per row. */
    int width();

    /**
     * Writes each row's values into {@code out} at {@code row * stride + offset}: the columns of a dense input are
     * written side by side into one row-major matrix, with no intermediate arrays.
     */
    void writeDense(TransformContext context, float[] out, int stride, int offset);
}
