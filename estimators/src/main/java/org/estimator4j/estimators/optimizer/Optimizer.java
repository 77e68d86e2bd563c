package org.estimator4j.estimators.optimizer;

import java.util.List;
import java.util.Map;

/**
 * A gradient-descent rule for dense variables and embedding rows, with Keras's update formulas and defaults. The
 * caller owns the arrays: a variable's values, its gradient and one array per slot, all the same length; an update
 * covers the index range {@code [from, to)}, so an embedding table is updated only at the rows a batch touched (a
 * lazy update: slots of untouched rows do not decay, as in TensorFlow's sparse Adagrad and LazyAdam).
 *
 * <p>Implementations are immutable and loop over primitive arrays only: the loops auto-vectorize and allocate nothing.
 */
public interface Optimizer {
    /** The name used in configs and as the slot-name prefix, e.g. {@code Adagrad}. */
    String name();

    double learningRate();

    /** Slot variable suffixes, e.g. {@code Adagrad} for the accumulator; checkpoints name them {@code <var>/<slot>}. */
    List<String> slotNames();

    /** The value a fresh slot starts at (Adagrad's accumulator: initial_accumulator_value). */
    float initialSlotValue(int slot);

    /**
     * One step over {@code [from, to)}.
     *
     * @param iteration how many steps this optimizer has taken, this one included (1 for the first): Adam's bias
     *     correction reads it
     * @param learningRateMultiplier scales the configured learning rate (1 unless a callback changed it)
     */
    void apply(
            float[] values,
            float[] gradient,
            float[][] slots,
            int from,
            int to,
            long iteration,
            double learningRateMultiplier);

    /** The options as config keys, {@code type} included: what a model description stores to rebuild it. */
    Map<String, Object> config();
}
