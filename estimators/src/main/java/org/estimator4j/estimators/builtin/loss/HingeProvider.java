package org.estimator4j.estimators.builtin.loss;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;

/**
 * {@code hinge}: the binary hinge loss {@code max(1 - t x, 0)} on the logit x, as Keras' {@code Hinge}, with the
 * 0/1 label mapped to {@code t = 2 z - 1} (-1 or +1; Keras converts 0/1 labels the same way). Its gradient is
 * {@code -t} inside the margin and 0 outside. A model trained with it still predicts {@code sigmoid(x)} as its
 * probability, which the hinge loss does not calibrate: rank and threshold at 0.5 (logit 0), do not read it as a
 * probability.
 */
public final class HingeProvider extends BuiltinProvider<Loss> implements LossProvider {
    static final String NAME = "hinge";

    public HingeProvider() {
        super(NAME, "Binary hinge loss max(1 - t x, 0) on the logit, labels 0/1 mapped to -1/+1, as Keras' Hinge");
    }

    @Override
    public Loss create(Parameters parameters) {
        return (logits, labels, numRows, logitsDimension, losses, gradient) -> {
            Losses.checkBinary(NAME, logitsDimension);
            for (int r = 0; r < numRows; r++) {
                double t = 2 * Losses.binaryLabel(NAME, labels[r], r) - 1;
                double margin = 1 - t * logits[r];
                losses[r] = (float) Math.max(margin, 0);
                gradient[r] = margin > 0 ? (float) -t : 0f;
            }
        };
    }
}
