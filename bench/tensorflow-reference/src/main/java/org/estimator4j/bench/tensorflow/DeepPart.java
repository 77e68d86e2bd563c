package org.estimator4j.bench.tensorflow;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.estimator4j.bench.workloads.OptimizerSpec;
import org.estimator4j.bench.workloads.Workload;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.framework.optimizers.AdaGrad;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/**
 * The deep part: {@code concat(dense floats, one_hot of each indicator column, gather of each embedding table)} →
 * ReLU layers (glorot-uniform kernels, zero biases) → one logit. Its variables are reference variables
 * ({@code VariableV2}, from {@code tf.variable(initial value)}), trained by tensorflow-framework's {@code Adam} or
 * {@code AdaGrad} (their {@code applyGradients}, with the gradients of the model's one backward pass).
 *
 * <p>Framework optimizers over reference variables rather than resource variables with raw
 * {@code ResourceApplyAdam} / {@code ResourceApplyAdagradV2} / {@code ResourceSparseApplyAdagradV2}: both were
 * built and timed, and the framework's was as fast or faster (MLP training 10-20% faster at every batch size).
 * One consequence: the framework's Adam updates its beta powers with no ordering against the apply ops, so a step
 * may bias-correct with β^(t+1) instead of β^t, a difference that fades within the first hundreds of steps.
 *
 * <p>An embedding table gets its gradient as the framework gives it: the C API's gradient of {@code GatherV2} is an
 * {@code UnsortedSegmentSum} into a dense {@code [cardinality, dim]} tensor (TF-Java has no IndexedSlices), applied
 * by the dense Adagrad kernel; for the census occupation table that is 1,000 × 8 floats a step.
 */
final class DeepPart {
    final Operand<TFloat32> logits;
    private final OptimizerSpec optimizer;
    private final List<Output<TFloat32>> variables = new ArrayList<>();

    DeepPart(Ops tf, Workload workload, ModelInputs inputs, SplittableRandom random) {
        this.optimizer = workload.deepOptimizer;
        Ops dnn = tf.withSubScope("dnn");
        Ops init = dnn.withInitScope();
        List<Operand<TFloat32>> parts = new ArrayList<>();
        if (inputs.dense() != null) {
            parts.add(inputs.dense());
        }
        for (String column : workload.indicatorColumns) {
            int depth = workload.idColumn(column).cardinality();
            parts.add(dnn.oneHot(
                    idColumn(dnn, workload, inputs.ids(), column),
                    dnn.constant(depth),
                    dnn.constant(1f),
                    dnn.constant(0f)));
        }
        for (Workload.Embedding e : workload.embeddings) {
            int buckets = workload.idColumn(e.column()).cardinality();
            float[] table = Initializers.truncatedNormal(buckets * e.dimension(), 1 / Math.sqrt(e.dimension()), random);
            Operand<TFloat32> weights = variable(
                    tf.withName("dnn_" + e.column() + "_embedding_weights"),
                    init.constant(Shape.of(buckets, e.dimension()), DataBuffers.of(table, true, false)));
            parts.add(dnn.gather(weights, idColumn(dnn, workload, inputs.ids(), e.column()), dnn.constant(0)));
        }
        Operand<TFloat32> x = parts.size() == 1 ? parts.get(0) : dnn.concat(parts, dnn.constant(1));
        int width = workload.deepInputWidth();
        for (int i = 0; i < workload.hiddenUnits.size(); i++) {
            int units = workload.hiddenUnits.get(i);
            x = dnn.nn.relu(dense(tf, dnn, init, "dnn_hiddenlayer_" + i, x, width, units, random));
            width = units;
        }
        this.logits = dense(tf, dnn, init, "dnn_logits", x, width, 1, random);
    }

    /** Column {@code column} of the ids, {@code [batch]}. */
    private static Operand<TInt32> idColumn(Ops tf, Workload workload, Operand<TInt32> ids, String column) {
        return tf.gather(ids, tf.constant(workload.idIndex(column)), tf.constant(1));
    }

    /**
     * {@code x · kernel + bias}, kernel glorot uniform, bias zero. Variables are named at the graph's root without
     * '/' ({@code dnn_hiddenlayer_0_kernel}): the framework names slots {@code <variable>-m}, which a scoped name
     * would make invalid.
     */
    private Operand<TFloat32> dense(
            Ops root,
            Ops tf,
            Ops init,
            String name,
            Operand<TFloat32> x,
            int inputs,
            int units,
            SplittableRandom random) {
        Operand<TFloat32> kernel = variable(
                root.withName(name + "_kernel"),
                init.constant(
                        Shape.of(inputs, units),
                        DataBuffers.of(Initializers.glorotUniform(inputs, units, random), true, false)));
        Operand<TFloat32> bias = variable(
                root.withName(name + "_bias"),
                init.constant(Shape.of(units), DataBuffers.of(new float[units], true, false)));
        return tf.nn.biasAdd(tf.linalg.matMul(x, kernel), bias);
    }

    /** A reference variable starting at {@code initial}, remembered for the optimizer. */
    private Operand<TFloat32> variable(Ops named, Operand<TFloat32> initial) {
        Variable<TFloat32> v = named.variable(initial);
        variables.add(v.asOutput());
        return v;
    }

    /** What the step needs the loss's gradient with respect to: every variable of this part. */
    List<Output<?>> gradientTargets() {
        return List.copyOf(variables);
    }

    /**
     * The framework optimizer's {@code applyGradients} (what its {@code minimize} runs after computing gradients)
     * with the loss's gradients with respect to {@link #gradientTargets()}, in that order.
     */
    Op trainOp(Graph graph, Output<?>[] grads) {
        float lr = (float) optimizer.learningRate();
        Optimizer o = switch (optimizer.name()) {
            // ApplyAdam: lr_t = lr·sqrt(1-β2^t)/(1-β1^t); m, v updated; w -= lr_t·m/(sqrt(v) + epsilon).
            case "adam" ->
                new Adam(graph, lr, (float) optimizer.beta1(), (float) optimizer.beta2(), (float) optimizer.epsilon());
            // ApplyAdagrad: acc += g²; w -= lr·g/sqrt(acc). Keras adds epsilon 1e-7 to sqrt(acc) >= sqrt(0.1):
            // a relative difference below float precision.
            case "adagrad" -> new AdaGrad(graph, lr, (float) optimizer.initialAccumulator());
            default -> throw new IllegalArgumentException("no TensorFlow optimizer for " + optimizer);
        };
        List<Optimizer.GradAndVar<? extends TType>> pairs = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            pairs.add(new Optimizer.GradAndVar<>(grads[i].expect(TFloat32.class), variables.get(i)));
        }
        return o.applyGradients(pairs, "dnn_train");
    }
}
