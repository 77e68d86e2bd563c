package org.estimator4j.estimators.builtin.loss;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;

/**
 * {@code binary_crossentropy}: sigmoid cross-entropy of one logit, as Keras' {@code BinaryCrossentropy(from_logits=
 * True)} and the binary head's own loss: {@code softplus(x) - x z}, computed as {@code z softplus(-x) + (1 - z)
 * softplus(x)} (finite for any finite logit, accurate to float precision at any logit), with gradient
 * {@code sigmoid(x) - z}. {@code label_smoothing} s squeezes the label towards 0.5 first, {@code z (1 - s) + s / 2},
 * as Keras does. Labels are 0, 1 or a soft label in between.
 */
public final class BinaryCrossentropyProvider extends BuiltinProvider<Loss> implements LossProvider {
    static final String NAME = "binary_crossentropy";

    public BinaryCrossentropyProvider() {
        super(
                NAME,
                "Sigmoid cross-entropy of one logit (binary classification), as Keras' BinaryCrossentropy",
                ParameterSpec.optional(
                        "label_smoothing", ParameterType.DOUBLE, 0.0, "in [0, 1]: labels become z (1 - s) + s / 2"));
    }

    @Override
    public Loss create(Parameters parameters) {
        double smoothing = parameters.getDouble("label_smoothing");
        Losses.checkSmoothing(NAME, smoothing);
        return (logits, labels, numRows, logitsDimension, losses, gradient) -> {
            Losses.checkBinary(NAME, logitsDimension);
            for (int r = 0; r < numRows; r++) {
                double x = logits[r];
                double z = Losses.binaryLabel(NAME, labels[r], r) * (1 - smoothing) + 0.5 * smoothing;
                losses[r] = (float) Losses.binaryCrossentropy(x, z);
                gradient[r] = (float) Losses.binaryCrossentropyDerivative(x, z);
            }
        };
    }
}
