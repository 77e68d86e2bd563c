package org.estimator4j.estimators.head;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.estimator4j.spi.loss.Loss;

/**
 * A plugin loss chosen for training: the provider's name and parameters (recorded in the model description: a
 * different loss is a different model) and the loss itself.
 */
public record CustomLoss(String type, Map<String, Object> params, Loss loss) {
    public CustomLoss {
        requireNonNull(type, "type is null");
        params = Map.copyOf(requireNonNull(params, "params is null"));
        requireNonNull(loss, "loss is null");
    }

    /** {@code head} training with this loss instead of its own. */
    public Head apply(Head head) {
        return new CustomLossHead(head, loss);
    }
}
