package org.estimator4j.api.data;

import static java.util.Objects.requireNonNull;

/**
 * Two elements taken side by side, as {@link Dataset#zip(Dataset)} yields them.
 *
 * @since 0.1.0
 */
public record Pair<A, B>(A first, B second) {
    public Pair {
        requireNonNull(first, "first is null");
        requireNonNull(second, "second is null");
    }
}
