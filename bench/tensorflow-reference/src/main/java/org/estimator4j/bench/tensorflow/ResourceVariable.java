package org.estimator4j.bench.tensorflow;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;

/**
 * A float resource variable (what TF2 and Keras create), every element set to one value by the graph's
 * initializers ({@code Session.initialize()}). The linear part keeps its weights and FTRL slots in these: the
 * sparse FTRL kernel updates them in place, and tensorflow-framework's optimizers, which collect reference variables
 * ({@code VariableV2}) only, leave them alone.
 */
final class ResourceVariable {
    private ResourceVariable() {}

    static VarHandleOp filled(Ops tf, String name, Shape shape, float value) {
        Ops init = tf.withInitScope();
        VarHandleOp handle = init.withName(name).varHandleOp(TFloat32.class, shape, VarHandleOp.sharedName(name));
        init.withName(name + "_init")
                .assignVariableOp(handle, init.fill(init.constant(shape.asArray()), init.constant(value)));
        return handle;
    }
}
