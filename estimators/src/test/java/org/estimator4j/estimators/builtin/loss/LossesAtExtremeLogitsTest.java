package org.estimator4j.estimators.builtin.loss;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.apache.commons.math3.dfp.Dfp;
import org.apache.commons.math3.dfp.DfpField;
import org.apache.commons.math3.dfp.DfpMath;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered loss at confidently right and confidently wrong logits (±37, ±100, ±1e4) and at 0: its loss and
 * gradient must be finite and equal, to float precision, the loss's defining formula evaluated with 100 significant
 * digits ({@link Dfp}), the gradient as a central difference of that formula with a step of 1e-30. A NaN or an
 * infinite loss there poisons the weights at the next step; a cancelled one (1 - 1 = 0) hides how right the model is.
 */
class LossesAtExtremeLogitsTest {
    private static final DfpField FIELD = new DfpField(100);
    private static final Dfp ONE = FIELD.getOne();
    private static final Dfp STEP = FIELD.newDfp("1e-30");
    private static final float[] LOGITS = {-1e4f, -100f, -37f, 0f, 37f, 100f, 1e4f};

    /** What a loss reads: one binary logit, a row of class logits, or one prediction per label. */
    private enum Kind {
        BINARY,
        CLASSES,
        REGRESSION
    }

    /** A loss's defining formula: one example's loss from its logits and labels. */
    private interface Reference {
        Dfp loss(Dfp[] logits, double[] labels);
    }

    private record Definition(Kind kind, Reference reference) {}

    private static Dfp dfp(double x) {
        return FIELD.newDfp(x);
    }

    private static Dfp exp(Dfp x) {
        return DfpMath.exp(x);
    }

    /** {@code log(1 + exp(x))}. */
    private static Dfp softplus(Dfp x) {
        return DfpMath.log(ONE.add(exp(x)));
    }

    private static Dfp sigmoid(Dfp x) {
        return ONE.divide(ONE.add(exp(x.negate())));
    }

    /** {@code -z log σ(x) - (1 - z) log(1 - σ(x))}, with {@code -log σ(x) = softplus(-x)}. */
    private static Dfp binaryCrossentropy(Dfp x, double z) {
        return softplus(x.negate()).multiply(dfp(z)).add(softplus(x).multiply(dfp(1 - z)));
    }

    private static final Map<String, Definition> DEFINITIONS = new LinkedHashMap<>();

    static {
        DEFINITIONS.put("binary_crossentropy", new Definition(Kind.BINARY, (x, z) -> binaryCrossentropy(x[0], z[0])));
        DEFINITIONS.put("binary_focal_crossentropy", new Definition(Kind.BINARY, (x, z) -> {
            // Defaults: gamma 2, no class balancing, no smoothing. 1 - p_t = z (1 - p) + (1 - z) p.
            Dfp oneMinusPt =
                    sigmoid(x[0].negate()).multiply(dfp(z[0])).add(sigmoid(x[0]).multiply(dfp(1 - z[0])));
            return oneMinusPt.multiply(oneMinusPt).multiply(binaryCrossentropy(x[0], z[0]));
        }));
        DEFINITIONS.put("hinge", new Definition(Kind.BINARY, (x, z) -> {
            Dfp margin = ONE.subtract(x[0].multiply(dfp(2 * z[0] - 1)));
            return margin.greaterThan(FIELD.getZero()) ? margin : FIELD.getZero();
        }));
        Reference softmax = (x, y) -> {
            // logsumexp(x) - x[y], without smoothing (the default).
            Dfp sum = FIELD.getZero();
            for (Dfp xj : x) {
                sum = sum.add(exp(xj));
            }
            return DfpMath.log(sum).subtract(x[(int) y[0]]);
        };
        DEFINITIONS.put("categorical_crossentropy", new Definition(Kind.CLASSES, softmax));
        DEFINITIONS.put("sparse_categorical_crossentropy", new Definition(Kind.CLASSES, softmax));
        DEFINITIONS.put("mean_squared_error", new Definition(Kind.REGRESSION, (x, y) -> {
            Dfp e = x[0].subtract(dfp(y[0]));
            return e.multiply(e);
        }));
        DEFINITIONS.put(
                "mean_absolute_error",
                new Definition(
                        Kind.REGRESSION, (x, y) -> x[0].subtract(dfp(y[0])).abs()));
        DEFINITIONS.put("huber", new Definition(Kind.REGRESSION, (x, y) -> {
            Dfp a = x[0].subtract(dfp(y[0])).abs();
            Dfp half = dfp(0.5);
            return a.greaterThan(ONE) ? a.subtract(half) : half.multiply(a).multiply(a); // delta 1
        }));
        DEFINITIONS.put("log_cosh", new Definition(Kind.REGRESSION, (x, y) -> {
            Dfp e = x[0].subtract(dfp(y[0]));
            return DfpMath.log(exp(e).add(exp(e.negate())).divide(2));
        }));
        DEFINITIONS.put("poisson", new Definition(Kind.REGRESSION, (x, y) -> {
            // exp(x) - y x, exp continued as its tangent beyond the documented log-rate (see PoissonProvider).
            Dfp c = dfp(PoissonProvider.MAX_LOG_RATE);
            Dfp rate = x[0].greaterThan(c) ? exp(c).multiply(ONE.add(x[0].subtract(c))) : exp(x[0]);
            return rate.subtract(x[0].multiply(dfp(y[0])));
        }));
    }

    static Stream<LossProvider> registeredLosses() {
        return ServiceLoader.load(LossProvider.class).stream().map(ServiceLoader.Provider::get);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredLosses")
    void lossAndGradientAreFiniteAndExactAtExtremeLogits(LossProvider provider) {
        Definition definition = DEFINITIONS.get(provider.name());
        assertNotNull(definition, "add the defining formula of " + provider.name() + " to this test");
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (ParameterSpec p : provider.parameters()) {
            defaults.put(p.name(), p.defaultValue());
        }
        Loss loss = provider.create(new Parameters(defaults));
        switch (definition.kind()) {
            case BINARY -> {
                for (float x : LOGITS) {
                    for (float z : new float[] {0f, 1f, 0.3f}) {
                        check(provider.name(), loss, definition.reference(), new float[] {x}, new float[] {z});
                    }
                }
            }
            case CLASSES -> {
                for (float x : LOGITS) {
                    for (int y = 0; y < 3; y++) {
                        check(provider.name(), loss, definition.reference(), new float[] {x, 0f, -x}, new float[] {y});
                    }
                }
            }
            case REGRESSION -> {
                for (float x : LOGITS) {
                    for (float y : new float[] {0f, 1f, 3f}) {
                        check(provider.name(), loss, definition.reference(), new float[] {x}, new float[] {y});
                    }
                }
            }
        }
    }

    /** One example: its loss and every gradient entry against the reference. */
    private static void check(String name, Loss loss, Reference reference, float[] logits, float[] labels) {
        float[] losses = new float[1];
        float[] gradient = new float[logits.length];
        loss.compute(logits, labels, 1, logits.length, losses, gradient);
        Dfp[] x = new Dfp[logits.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = dfp(logits[j]);
        }
        double[] y = new double[labels.length];
        for (int j = 0; j < y.length; j++) {
            y[j] = labels[j];
        }
        String where = String.format(
                Locale.ROOT, "%s at logits %s, label %s", name, Arrays.toString(logits), Arrays.toString(labels));
        assertClose(reference.loss(x, y), losses[0], "loss of " + where);
        for (int j = 0; j < x.length; j++) {
            Dfp[] up = x.clone();
            Dfp[] down = x.clone();
            up[j] = x[j].add(STEP);
            down[j] = x[j].subtract(STEP);
            Dfp derivative =
                    reference.loss(up, y).subtract(reference.loss(down, y)).divide(STEP.multiply(2));
            assertClose(derivative, gradient[j], "d loss / d logit " + j + " of " + where);
        }
    }

    /** Equal to float precision: a relative error of 1e-6, or the smallest float for values that underflow. */
    private static void assertClose(Dfp expected, float actual, String what) {
        double e = expected.toDouble();
        assertTrue(Float.isFinite(actual), what + ": " + actual + ", expected " + e);
        assertTrue(
                Math.abs(actual - e) <= 1e-6 * Math.abs(e) + Float.MIN_VALUE, what + ": " + actual + ", expected " + e);
    }
}
