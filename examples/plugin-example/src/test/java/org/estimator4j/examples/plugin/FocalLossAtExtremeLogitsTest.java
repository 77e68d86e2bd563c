package org.estimator4j.examples.plugin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.dfp.Dfp;
import org.apache.commons.math3.dfp.DfpField;
import org.apache.commons.math3.dfp.DfpMath;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.loss.Loss;
import org.junit.jupiter.api.Test;

/**
 * The focal loss at confidently right and wrong logits (the census DNN on raw capital_gain reaches |logit| ≈ 37 and
 * beyond, where {@code 1 - sigmoid(x)} is 0 in double): loss and gradient finite and equal, to float precision, the
 * formula {@code -α_t (1 - p_t)^γ log(p_t)} evaluated with 100 significant digits, the gradient as its central
 * difference with a step of 1e-30.
 */
class FocalLossAtExtremeLogitsTest {
    private static final DfpField FIELD = new DfpField(100);
    private static final Dfp ONE = FIELD.getOne();
    private static final Dfp STEP = FIELD.newDfp("1e-30");

    @Test
    void lossAndGradientAreFiniteAndExactForConfidentLogits() {
        for (double gamma : new double[] {2.0, 0.5, 0.0}) {
            double alpha = 0.25;
            Loss focal = new FocalLossProvider().create(new Parameters(Map.of("gamma", gamma, "alpha", alpha)));
            for (float x : new float[] {-1e4f, -100f, -37f, -20f, 0f, 20f, 37f, 100f, 1e4f}) {
                for (float label : new float[] {0f, 1f}) {
                    float[] losses = new float[1];
                    float[] gradient = new float[1];
                    focal.compute(new float[] {x}, new float[] {label}, 1, 1, losses, gradient);
                    boolean positive = label == 1f;
                    String where = String.format(Locale.ROOT, "gamma %s, logit %s, label %s", gamma, x, label);
                    assertClose(reference(FIELD.newDfp(x), positive, gamma, alpha), losses[0], "loss at " + where);
                    assertClose(derivative(x, positive, gamma, alpha), gradient[0], "gradient at " + where);
                }
            }
        }
    }

    /** The central difference of the reference at x, every step in 100 digits. */
    private static Dfp derivative(double x, boolean positive, double gamma, double alpha) {
        return reference(FIELD.newDfp(x).add(STEP), positive, gamma, alpha)
                .subtract(reference(FIELD.newDfp(x).subtract(STEP), positive, gamma, alpha))
                .divide(STEP.multiply(2));
    }

    /** The definition, evaluated with 100 digits: p_t = sigmoid(±x), 1 - p_t = sigmoid(∓x). */
    private static Dfp reference(Dfp x, boolean positive, double gamma, double alpha) {
        Dfp u = positive ? x : x.negate();
        Dfp oneMinusPt = ONE.divide(ONE.add(DfpMath.exp(u)));
        Dfp minusLogPt = DfpMath.log(ONE.add(DfpMath.exp(u.negate()))); // -log(sigmoid(u))
        Dfp focus = gamma == 2
                ? oneMinusPt.multiply(oneMinusPt)
                : gamma == 0 ? ONE : DfpMath.pow(oneMinusPt, FIELD.newDfp(gamma));
        return focus.multiply(minusLogPt).multiply(FIELD.newDfp(positive ? alpha : 1 - alpha));
    }

    /** Equal to float precision: a relative error of 1e-6, or the smallest float for values that underflow. */
    private static void assertClose(Dfp expected, float actual, String what) {
        double e = expected.toDouble();
        assertTrue(Float.isFinite(actual), what + ": " + actual + ", expected " + e);
        assertTrue(
                Math.abs(actual - e) <= 1e-6 * Math.abs(e) + Float.MIN_VALUE, what + ": " + actual + ", expected " + e);
    }
}
