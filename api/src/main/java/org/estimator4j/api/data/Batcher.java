package org.estimator4j.api.data;

import java.util.List;

/**
 * Turns a list of consecutive elements into one batch element. {@code Batch::of} is the batcher for
 * {@link org.estimator4j.api.table.Example} rows.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Batcher<T, B> {
    B batch(List<T> elements);
}
