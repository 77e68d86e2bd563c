package org.estimator4j.bench.tensorflow;

import org.estimator4j.bench.workloads.Workload;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A model's placeholders: the dense floats {@code [batch, denseWidth]} and the ids {@code [batch, idColumns]} (each
 * null when the workload has none), and the labels {@code [batch, 1]}.
 */
record ModelInputs(Placeholder<TFloat32> dense, Placeholder<TInt32> ids, Placeholder<TFloat32> labels) {

    static ModelInputs of(Ops tf, Workload workload) {
        int width = workload.denseWidth();
        int columns = workload.idColumns.size();
        Placeholder<TFloat32> dense = width == 0
                ? null
                : tf.withName("dense").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, width)));
        Placeholder<TInt32> ids = columns == 0
                ? null
                : tf.withName("ids").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, columns)));
        Placeholder<TFloat32> labels =
                tf.withName("labels").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
        return new ModelInputs(dense, ids, labels);
    }
}
