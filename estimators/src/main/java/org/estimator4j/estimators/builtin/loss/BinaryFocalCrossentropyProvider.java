package org.estimator4j.estimators.builtin.loss;

import org.estimator4j.estimators.builtin.BuiltinProvider;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;

/**
 * {@code binary_focal_crossentropy}: Keras' {@code BinaryFocalCrossentropy(from_logits=True)} (Lin et al., 2017):
 * the binary cross-entropy times the focal factor {@code (1 - p_t)^gamma}, {@code p_t = z p + (1 - z)(1 - p)}, which
 * shrinks the loss of well-classified examples so that the hard ones dominate the gradient. With
 * {@code apply_class_balancing} each example is also weighted {@code alpha} (class 1) or {@code 1 - alpha} (class 0),
 * as {@code z alpha + (1 - z)(1 - alpha)}; Keras' default leaves it off, and so {@code alpha} unused.
 * {@code label_smoothing} moves labels towards 0.5 first, as in {@code binary_crossentropy}.
 *
 * <p>The cross-entropy is computed from the logit ({@code z softplus(-x) + (1 - z) softplus(x)}) and {@code 1 - p} as
 * {@code sigmoid(-x)}; Keras takes the sigmoid first and clips probabilities to [1e-7, 1 - 1e-7], so the two differ
 * only where {@code |x|} exceeds about 16, where Keras' loss and gradient flatten out and these do not.
 */
public final class BinaryFocalCrossentropyProvider extends BuiltinProvider<Loss> implements LossProvider {
    static final String NAME = "binary_focal_crossentropy";

    public BinaryFocalCrossentropyProvider() {
        super(
                NAME,
                "Binary cross-entropy times (1 - p_t)^gamma from one logit: focuses training on hard examples",
                ParameterSpec.optional(
                        "apply_class_balancing",
                        ParameterType.BOOLEAN,
                        false,
                        "weight class 1 by alpha and class 0 by 1 - alpha"),
                ParameterSpec.optional(
                        "alpha",
                        ParameterType.DOUBLE,
                        0.25,
                        "in [0, 1]: the weight of class 1 when apply_class_balancing is true"),
                ParameterSpec.optional(
                        "gamma", ParameterType.DOUBLE, 2.0, "focusing strength >= 0; 0 is plain " + "cross-entropy"),
                ParameterSpec.optional(
                        "label_smoothing", ParameterType.DOUBLE, 0.0, "in [0, 1]: labels become z (1 - s) + s / 2"));
    }

    @Override
    public Loss create(Parameters parameters) {
        boolean balancing = parameters.getBoolean("apply_class_balancing");
        double alpha = parameters.getDouble("alpha");
        double gamma = parameters.getDouble("gamma");
        double smoothing = parameters.getDouble("label_smoothing");
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException(NAME + ": alpha must be in [0, 1], got " + alpha);
        }
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException(NAME + ": gamma must be a number >= 0, got " + gamma);
        }
        Losses.checkSmoothing(NAME, smoothing);
        return (logits, labels, numRows, logitsDimension, losses, gradient) -> {
            Losses.checkBinary(NAME, logitsDimension);
            for (int r = 0; r < numRows; r++) {
                double x = logits[r];
                double z = Losses.binaryLabel(NAME, labels[r], r) * (1 - smoothing) + 0.5 * smoothing;
                double p = Losses.sigmoid(x);
                double q = Losses.sigmoid(-x); // 1 - p, accurate where p is close to 1
                double bce = Losses.binaryCrossentropy(x, z);
                double oneMinusPt = z * q + (1 - z) * p;
                double focal = Math.pow(oneMinusPt, gamma);
                double weight = balancing ? z * alpha + (1 - z) * (1 - alpha) : 1;
                losses[r] = (float) (weight * focal * bce);
                // d(1 - p_t)/dx = (1 - 2z) p q; d(bce)/dx = p - z.
                double focalDerivative = gamma == 0 || oneMinusPt == 0
                        ? 0
                        : gamma * Math.pow(oneMinusPt, gamma - 1) * (1 - 2 * z) * p * q;
                double bceDerivative = Losses.binaryCrossentropyDerivative(x, z); // p - z
                gradient[r] = (float) (weight * (focalDerivative * bce + focal * bceDerivative));
            }
        };
    }
}
