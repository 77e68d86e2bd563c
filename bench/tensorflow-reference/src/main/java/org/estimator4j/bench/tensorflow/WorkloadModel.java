package org.estimator4j.bench.tensorflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.estimator4j.bench.workloads.Workload;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A workload's whole graph, built from its description: the {@link ModelInputs}, a {@link WidePart} if it has wide
 * columns and a {@link DeepPart} if it has hidden layers, logits = the sum of the parts, the mean sigmoid
 * cross-entropy {@link #loss}, one {@link #train} target that runs every part's update, and {@link #probabilities}
 * = sigmoid(logits) for inference. Owns the graph.
 */
final class WorkloadModel implements AutoCloseable {
    final Workload workload;
    final Graph graph;
    final ModelInputs inputs;
    final Operand<TFloat32> probabilities;
    final Operand<TFloat32> loss;
    final Op train;

    WorkloadModel(Workload workload, long seed) {
        this.workload = workload;
        this.graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            this.inputs = ModelInputs.of(tf, workload);
            WidePart wide = workload.hasWidePart() ? new WidePart(tf, workload, inputs.ids()) : null;
            DeepPart deep =
                    workload.hasDeepPart() ? new DeepPart(tf, workload, inputs, new SplittableRandom(seed)) : null;
            Operand<TFloat32> logits =
                    wide == null ? deep.logits : deep == null ? wide.logits : tf.math.add(wide.logits, deep.logits);
            this.probabilities = tf.withName("probabilities").math.sigmoid(logits);
            this.loss = SigmoidCrossEntropy.mean(tf, logits, inputs.labels());
            // One backward pass for both parts, as tf.GradientTape or Python's minimize over all variables does.
            List<Output<?>> targets = new ArrayList<>();
            if (wide != null) {
                targets.addAll(wide.gradientTargets());
            }
            int wideTargets = targets.size();
            if (deep != null) {
                targets.addAll(deep.gradientTargets());
            }
            Output<?>[] grads = graph.addGradients(loss.asOutput(), targets.toArray(new Output<?>[0]));
            List<Op> updates = new ArrayList<>();
            if (wide != null) {
                updates.add(wide.trainOp(tf, Arrays.copyOfRange(grads, 0, wideTargets)));
            }
            if (deep != null) {
                updates.add(deep.trainOp(graph, Arrays.copyOfRange(grads, wideTargets, grads.length)));
            }
            this.train = tf.withControlDependencies(updates).withName("train").noOp();
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    @Override
    public void close() {
        graph.close();
    }
}
