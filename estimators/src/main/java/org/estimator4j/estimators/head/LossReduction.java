package org.estimator4j.estimators.head;

import java.util.Locale;

/**
 * How a batch's per-example losses become the training loss ({@code tf.losses.Reduction}). The default,
 * {@code SUM_OVER_BATCH_SIZE}, averages (so the learning rate does not depend on the batch size); {@code SUM} adds
 * them up, which scales every gradient by the batch size.
 */
public enum LossReduction {
    SUM_OVER_BATCH_SIZE,
    SUM;

    public String tfName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reduction named as in TensorFlow ({@code sum}, {@code sum_over_batch_size}); an error lists both. */
    public static LossReduction fromName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown loss_reduction '" + name + "'; use sum_over_batch_size or sum", e);
        }
    }

    /** {@code head} with this reduction: the head itself for the default, a summing view of it for {@code SUM}. */
    public Head apply(Head head) {
        return this == SUM_OVER_BATCH_SIZE ? head : new SummedLossHead(head);
    }
}
