package org.estimator4j.estimators.builtin.loss;

import java.util.Locale;

/** What the built-in losses share: stable elementary functions and the checks of their inputs. */
final class Losses {
    private Losses() {}

    /** {@code log(1 + exp(x))} without overflow for large x or loss of precision for very negative x. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** {@code 1 / (1 + exp(-x))}, evaluated on the side where {@code exp} cannot overflow. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /**
     * The binary cross-entropy of logit x against label z in [0, 1], {@code -z log σ(x) - (1 - z) log σ(-x)}, written
     * as {@code z softplus(-x) + (1 - z) softplus(x)}: a sum of non-negative terms, so a confidently right logit keeps
     * its tiny loss instead of cancelling to 0 (as {@code softplus(x) - x z} does), and no term overflows.
     */
    static double binaryCrossentropy(double x, double z) {
        return z * softplus(-x) + (1 - z) * softplus(x);
    }

    /**
     * d(binary cross-entropy)/dx = {@code σ(x) - z}, written as {@code (1 - z) σ(x) - z σ(-x)} so that a hard label
     * against a confidently right logit keeps its tiny gradient instead of {@code 1 - 1 = 0}.
     */
    static double binaryCrossentropyDerivative(double x, double z) {
        return (1 - z) * sigmoid(x) - z * sigmoid(-x);
    }

    /** A binary loss needs one logit per example: the logit of class 1. */
    static void checkBinary(String loss, int logitsDimension) {
        if (logitsDimension != 1) {
            throw new IllegalArgumentException(loss + " needs one logit per example (a binary classifier), got "
                    + logitsDimension + "; for " + logitsDimension + " classes use sparse_categorical_crossentropy");
        }
    }

    /** A binary label is a probability of class 1: 0 or 1, or a soft label between them. */
    static double binaryLabel(String loss, float label, int row) {
        if (!(label >= 0f && label <= 1f)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: row %d has label %s; binary labels " + "are 0 or 1 (or a probability of class 1 in between)",
                    loss,
                    row,
                    label));
        }
        return label;
    }

    /** A class id in [0, numClasses), stored as a float by the head. */
    static int classId(String loss, float label, int row, int numClasses) {
        int id = (int) label;
        if (id != label || id < 0 || id >= numClasses) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: row %d has label %s, which is not a "
                            + "class id in [0, %d); labels are class ids here (not one-hot vectors)",
                    loss,
                    row,
                    label,
                    numClasses));
        }
        return id;
    }

    static void checkSmoothing(String loss, double labelSmoothing) {
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException(loss + ": label_smoothing must be in [0, 1], got " + labelSmoothing);
        }
    }
}
