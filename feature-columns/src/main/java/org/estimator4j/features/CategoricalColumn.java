package org.estimator4j.features;

import org.estimator4j.features.transform.TransformContext;

/** A column whose output is ids in {@code [0, numBuckets())}: TensorFlow's CategoricalColumn. */
public interface CategoricalColumn extends FeatureColumn {
    /** How many distinct ids the column can produce. */
    long numBuckets();

    /** The batch's ids, computed once per batch and context (other columns reuse them). */
    SparseIds ids(TransformContext context);
}
