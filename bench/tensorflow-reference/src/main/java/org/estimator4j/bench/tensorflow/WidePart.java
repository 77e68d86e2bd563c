package org.estimator4j.bench.tensorflow;

import java.util.List;
import org.estimator4j.bench.workloads.OptimizerSpec;
import org.estimator4j.bench.workloads.Workload;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReadVariableOp;
import org.tensorflow.op.core.ResourceGather;
import org.tensorflow.op.core.Unique;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The linear part: one weight per id of the wide columns, all in ONE variable {@code [Σ cardinalities, 1]} with
 * each column's ids offset into it, plus a bias. {@code logits = Σ over a row's columns of gather(weights, offset
 * ids) + bias}: the gather gives {@code [batch, columns, 1]} and a sum over the columns axis is the segment sum of a
 * row's ids (every row has exactly one id per column).
 *
 * <p>Trained as TF Python trains an embedding-style variable with FTRL: the gradient is taken with respect to the
 * gathered rows only (what tf.gradients returns as IndexedSlices), duplicate ids are summed
 * ({@code unique} + {@code unsorted_segment_sum}, as the optimizers' {@code _deduplicate_indexed_slices} does),
 * and {@code ResourceSparseApplyFtrlV2} updates just those rows of the weights and their two slots. The bias gets a
 * dense {@code ResourceApplyFtrlV2}. Cost per step is O(ids in the batch), never O(table size).
 */
final class WidePart {
    final Operand<TFloat32> logits;
    private final Operand<TInt32> offsetIds;
    private final ResourceGather<TFloat32> gathered;
    private final ReadVariableOp<TFloat32> biasValue;
    private final FtrlSlots weights;
    private final FtrlSlots bias;
    private final OptimizerSpec optimizer;

    /** A variable and its FTRL slots: accumulator (starting at initial_accumulator_value) and linear (0). */
    private record FtrlSlots(VarHandleOp variable, VarHandleOp accumulator, VarHandleOp linear) {
        static FtrlSlots create(Ops tf, String name, Shape shape, OptimizerSpec spec) {
            return new FtrlSlots(
                    ResourceVariable.filled(tf, name, shape, 0f),
                    ResourceVariable.filled(tf, name + "_ftrl_accumulator", shape, (float) spec.initialAccumulator()),
                    ResourceVariable.filled(tf, name + "_ftrl_linear", shape, 0f));
        }
    }

    WidePart(Ops tf, Workload workload, Operand<TInt32> ids) {
        this.optimizer = workload.wideOptimizer;
        List<String> wide = workload.wideColumns;
        int[] positions = new int[wide.size()];
        int[] offsets = new int[wide.size()];
        int size = 0;
        boolean allInOrder = wide.size() == workload.idColumns.size();
        for (int c = 0; c < positions.length; c++) {
            positions[c] = workload.idIndex(wide.get(c));
            allInOrder &= positions[c] == c;
            offsets[c] = size;
            size += workload.idColumn(wide.get(c)).cardinality();
        }
        Ops linear = tf.withSubScope("linear");
        Operand<TInt32> wideIds = allInOrder ? ids : linear.gather(ids, linear.constant(positions), linear.constant(1));
        this.offsetIds = linear.math.add(wideIds, linear.constant(offsets));
        this.weights = FtrlSlots.create(linear, "weights", Shape.of(size, 1), optimizer);
        this.bias = FtrlSlots.create(linear, "bias_weights", Shape.of(1), optimizer);
        this.gathered = linear.resourceGather(weights.variable, offsetIds, TFloat32.class);
        this.biasValue = linear.readVariableOp(bias.variable, TFloat32.class);
        this.logits = linear.math.add(linear.sum(gathered, linear.constant(1)), biasValue);
    }

    /** What the step needs the loss's gradient with respect to: the gathered weights, then the bias. */
    List<Output<?>> gradientTargets() {
        return List.of(gathered.asOutput(), biasValue.asOutput());
    }

    /**
     * The sparse FTRL step for the weights and the dense one for the bias, from the loss's gradients with respect to
     * {@link #gradientTargets()}, in that order.
     */
    Op trainOp(Ops tf, Output<?>[] grads) {
        Ops ftrl = tf.withSubScope("linear_ftrl");
        Operand<TFloat32> rowGrads = ftrl.reshape(grads[0].expect(TFloat32.class), ftrl.constant(new int[] {-1, 1}));
        Operand<TInt32> flatIds = ftrl.reshape(offsetIds, ftrl.constant(new int[] {-1}));
        Unique<TInt32, TInt32> unique = ftrl.unique(flatIds, ftrl.constant(new int[] {0}));
        Operand<TFloat32> summed = ftrl.math.unsortedSegmentSum(rowGrads, unique.idx(), ftrl.size(unique.y()));
        Operand<TFloat32> lr = ftrl.constant((float) optimizer.learningRate());
        Operand<TFloat32> zero = ftrl.constant(0f);
        Operand<TFloat32> power = ftrl.constant((float) optimizer.learningRatePower());
        Op sparse = ftrl.train.resourceSparseApplyFtrl(
                weights.variable, weights.accumulator, weights.linear, summed, unique.y(), lr, zero, zero, zero, power);
        Op dense = ftrl.train.resourceApplyFtrl(
                bias.variable,
                bias.accumulator,
                bias.linear,
                grads[1].expect(TFloat32.class),
                lr,
                zero,
                zero,
                zero,
                power);
        return ftrl.withControlDependencies(List.of(sparse, dense))
                .withName("train")
                .noOp();
    }
}
