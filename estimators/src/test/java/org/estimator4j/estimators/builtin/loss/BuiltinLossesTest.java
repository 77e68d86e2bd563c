package org.estimator4j.estimators.builtin.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;
import org.junit.jupiter.api.Test;

/**
 * The built-in losses against values computed by hand from Keras' formulas (on probabilities where Keras documents
 * them so), and their gradients against central finite differences.
 */
class BuiltinLossesTest {
    /** The provider's loss with its defaults, some of them overridden. */
    private static Loss create(LossProvider provider, Object... overrides) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec p : provider.parameters()) {
            values.put(p.name(), p.defaultValue());
        }
        for (int i = 0; i < overrides.length; i += 2) {
            assertTrue(values.containsKey((String) overrides[i]), "no parameter " + overrides[i]);
            values.put((String) overrides[i], overrides[i + 1]);
        }
        return provider.create(new Parameters(values));
    }

    private record Result(float[] losses, float[] gradient) {}

    private static Result compute(Loss loss, float[] logits, float[] labels, int numRows) {
        float[] losses = new float[numRows];
        float[] gradient = new float[logits.length];
        loss.compute(logits, labels, numRows, logits.length / numRows, losses, gradient);
        return new Result(losses, gradient);
    }

    /** Every gradient entry against the central difference of its row's loss. */
    private static void checkGradient(Loss loss, float[] logits, float[] labels, int numRows) {
        int k = logits.length / numRows;
        float[] gradient = compute(loss, logits, labels, numRows).gradient();
        float h = 1e-3f;
        for (int i = 0; i < logits.length; i++) {
            float[] plus = logits.clone();
            float[] minus = logits.clone();
            plus[i] += h;
            minus[i] -= h;
            double up = compute(loss, plus, labels, numRows).losses()[i / k];
            double down = compute(loss, minus, labels, numRows).losses()[i / k];
            double numeric = (up - down) / ((double) plus[i] - minus[i]);
            assertEquals(numeric, gradient[i], 2e-3 * Math.max(1, Math.abs(numeric)), "d loss / d logit " + i);
        }
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Keras' binary cross-entropy of a probability. */
    private static double bce(double z, double p) {
        return -(z * Math.log(p) + (1 - z) * Math.log(1 - p));
    }

    @Test
    void binaryCrossentropyIsKerasFromLogitsWithLabelSmoothing() {
        Loss loss = create(new BinaryCrossentropyProvider());
        float[] logits = {0.5f, -1.2f, 2.0f, 0.1f};
        float[] labels = {1, 0, 0, 0.3f};
        Result r = compute(loss, logits, labels, 4);
        for (int i = 0; i < 4; i++) {
            assertEquals(bce(labels[i], sigmoid(logits[i])), r.losses()[i], 1e-6, "row " + i);
            assertEquals(sigmoid(logits[i]) - labels[i], r.gradient()[i], 1e-6, "row " + i);
        }
        assertEquals(0.474077, r.losses()[0], 1e-6); // log(1 + e^-0.5)
        checkGradient(loss, logits, labels, 4);

        Loss smoothed = create(new BinaryCrossentropyProvider(), "label_smoothing", 0.2);
        Result s = compute(smoothed, logits, labels, 4);
        assertEquals(bce(0.9, sigmoid(0.5)), s.losses()[0], 1e-6); // 1 → 1 - 0.2 / 2
        assertEquals(bce(0.1, sigmoid(-1.2)), s.losses()[1], 1e-6); // 0 → 0.2 / 2
        checkGradient(smoothed, logits, labels, 4);

        // Stable far out: sigmoid(100) is 1 in double, the loss is still 100 and its gradient 1.
        Result far = compute(loss, new float[] {100f, -100f}, new float[] {0, 0}, 2);
        assertEquals(100, far.losses()[0], 1e-4);
        assertEquals(1, far.gradient()[0], 1e-6);
        assertEquals(0, far.losses()[1], 1e-6);
    }

    @Test
    void categoricalAndSparseCategoricalAreSoftmaxCrossentropyOfClassIds() {
        // Keras' documented example: label 2 with probabilities [0.1, 0.8, 0.1] costs -log(0.1) = 2.303.
        float[] logits = {(float) Math.log(0.1), (float) Math.log(0.8), (float) Math.log(0.1), 3f, -1f, 0.5f};
        float[] labels = {2, 0};
        for (LossProvider p :
                new LossProvider[] {new SparseCategoricalCrossentropyProvider(), new CategoricalCrossentropyProvider()
                }) {
            Loss loss = create(p);
            Result r = compute(loss, logits, labels, 2);
            assertEquals(2.302585, r.losses()[0], 1e-5, p.name());
            double lse = Math.log(Math.exp(3) + Math.exp(-1) + Math.exp(0.5));
            assertEquals(lse - 3, r.losses()[1], 1e-6, p.name());
            assertEquals(0.1 - 1, r.gradient()[2], 1e-6, p.name()); // softmax - onehot
            assertEquals(0.8, r.gradient()[1], 1e-6, p.name());
            checkGradient(loss, logits, labels, 2);
        }

        // Keras' label smoothing: 0.1 / 3 for each class, 0.9 more for the label's.
        Loss smoothed = create(new CategoricalCrossentropyProvider(), "label_smoothing", 0.1);
        Result s = compute(smoothed, logits, labels, 2);
        double off = 0.1 / 3;
        double expected = -(off * Math.log(0.1) + off * Math.log(0.8) + (0.9 + off) * Math.log(0.1));
        assertEquals(expected, s.losses()[0], 1e-5);
        checkGradient(smoothed, logits, labels, 2);

        // Stable for huge logits: the maximum is subtracted before exp.
        Result big = compute(
                create(new SparseCategoricalCrossentropyProvider()),
                new float[] {1000f, 0f, -1000f},
                new float[] {1},
                1);
        assertEquals(1000, big.losses()[0], 1e-3);
    }

    @Test
    void regressionLossesOfEachValueAreSummedOverTheLabelDimension() {
        // Two examples with two values each; the errors (prediction - label) are 1, -0.5 and 3, 0.
        float[] predictions = {1.5f, -0.25f, 3f, 0.4f};
        float[] labels = {0.5f, 0.25f, 0f, 0.4f};

        Result mse = compute(create(new MeanSquaredErrorProvider()), predictions, labels, 2);
        assertEquals(1.0 + 0.25, mse.losses()[0], 1e-6);
        assertEquals(9.0, mse.losses()[1], 1e-6);
        assertEquals(-1.0, mse.gradient()[1], 1e-6);

        Result mae = compute(create(new MeanAbsoluteErrorProvider()), predictions, labels, 2);
        assertEquals(1.5, mae.losses()[0], 1e-6);
        assertEquals(3.0, mae.losses()[1], 1e-6);
        assertEquals(-1, mae.gradient()[1]);
        assertEquals(0, mae.gradient()[3], "the subgradient at an exact prediction is 0");

        Result huber = compute(create(new HuberProvider()), predictions, labels, 2);
        assertEquals(0.5 * 1 + 0.5 * 0.25, huber.losses()[0], 1e-6); // both within delta 1
        assertEquals(3 - 0.5, huber.losses()[1], 1e-6); // delta |e| - delta² / 2
        assertEquals(1, huber.gradient()[2], 1e-6);
        Result huber2 = compute(create(new HuberProvider(), "delta", 2.0), predictions, labels, 2);
        assertEquals(2 * 3 - 2, huber2.losses()[1], 1e-6);

        Result logCosh = compute(create(new LogCoshProvider()), predictions, labels, 2);
        assertEquals(Math.log(Math.cosh(1)) + Math.log(Math.cosh(0.5)), logCosh.losses()[0], 1e-6);
        assertEquals(Math.log(Math.cosh(3)), logCosh.losses()[1], 1e-6);
        assertEquals(Math.tanh(-0.5), logCosh.gradient()[1], 1e-6);
        Result farOut = compute(create(new LogCoshProvider()), new float[] {1000f}, new float[] {0}, 1);
        assertEquals(1000 - Math.log(2), farOut.losses()[0], 1e-3, "no overflow of cosh");

        for (LossProvider p : new LossProvider[] {
            new MeanSquaredErrorProvider(), new MeanAbsoluteErrorProvider(), new HuberProvider(), new LogCoshProvider()
        }) {
            // Away from the kinks of |e| (e = 0) and Huber's (|e| = 1).
            checkGradient(create(p), new float[] {1.5f, -0.25f, 3f, 0.3f}, labels, 2);
        }
    }

    @Test
    void poissonTakesTheLogitAsTheLogOfTheRate() {
        Loss loss = create(new PoissonProvider());
        float x = (float) Math.log(2);
        Result r = compute(loss, new float[] {x, 0.3f}, new float[] {3, 0}, 2);
        // Keras' Poisson of the rate exp(x) = 2: rate - y log(rate), without its 1e-7.
        assertEquals(2 - 3 * Math.log(2), r.losses()[0], 1e-6);
        assertEquals(Math.exp(0.3), r.losses()[1], 1e-6);
        assertEquals(2 - 3, r.gradient()[0], 1e-6);
        checkGradient(loss, new float[] {x, 0.3f, -1.5f}, new float[] {3, 0, 1}, 3);
    }

    @Test
    void hingeMapsLabelsToPlusMinusOne() {
        Loss loss = create(new HingeProvider());
        float[] logits = {0.3f, 0.3f, 2f, -0.5f};
        float[] labels = {1, 0, 1, 0};
        Result r = compute(loss, logits, labels, 4);
        assertEquals(0.7, r.losses()[0], 1e-6);
        assertEquals(1.3, r.losses()[1], 1e-6);
        assertEquals(0, r.losses()[2], 1e-6);
        assertEquals(0.5, r.losses()[3], 1e-6);
        assertEquals(-1, r.gradient()[0]);
        assertEquals(1, r.gradient()[1]);
        assertEquals(0, r.gradient()[2]);
        checkGradient(loss, logits, labels, 4);
    }

    @Test
    void binaryFocalCrossentropyMatchesKerasDocumentedExample() {
        // Keras: y_true [[0, 1], [0, 0]], y_pred [[0.6, 0.4], [0.4, 0.6]], gamma 2 → [0.330, 0.206] (row means).
        float[] logits = {(float) logit(0.6), (float) logit(0.4), (float) logit(0.4), (float) logit(0.6)};
        float[] labels = {0, 1, 0, 0};
        Loss loss = create(new BinaryFocalCrossentropyProvider());
        Result r = compute(loss, logits, labels, 4);
        assertEquals(0.330, (r.losses()[0] + r.losses()[1]) / 2, 1e-3);
        assertEquals(0.206, (r.losses()[2] + r.losses()[3]) / 2, 1e-3);
        assertEquals(0.36 * -Math.log(0.4), r.losses()[0], 1e-5); // (1 - p_t)² bce with p_t = 0.4
        checkGradient(loss, logits, labels, 4);

        Loss balanced = create(
                new BinaryFocalCrossentropyProvider(), "apply_class_balancing", true, "gamma", 1.5, "alpha", 0.3);
        Result b = compute(balanced, logits, labels, 4);
        assertEquals(0.7 * Math.pow(0.6, 1.5) * bce(0, 0.6), b.losses()[0], 1e-5); // class 0: 1 - alpha
        assertEquals(0.3 * Math.pow(0.6, 1.5) * bce(1, 0.4), b.losses()[1], 1e-5); // class 1: alpha
        checkGradient(balanced, logits, labels, 4);

        // gamma 0 without balancing is binary cross-entropy, soft labels and smoothing included.
        Loss plain = create(new BinaryFocalCrossentropyProvider(), "gamma", 0.0, "label_smoothing", 0.1);
        Loss bce = create(new BinaryCrossentropyProvider(), "label_smoothing", 0.1);
        float[] soft = {0.2f, 1, 0.7f, 0};
        Result f = compute(plain, logits, soft, 4);
        Result c = compute(bce, logits, soft, 4);
        for (int i = 0; i < 4; i++) {
            assertEquals(c.losses()[i], f.losses()[i], 1e-6);
            assertEquals(c.gradient()[i], f.gradient()[i], 1e-6);
        }
        checkGradient(create(new BinaryFocalCrossentropyProvider(), "label_smoothing", 0.1), logits, soft, 4);
    }

    @Test
    void wrongShapesAndLabelsAreExplained() {
        Loss binary = create(new BinaryCrossentropyProvider());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> binary.compute(new float[3], new float[1], 1, 3, new float[1], new float[3]));
        assertTrue(e.getMessage().contains("sparse_categorical_crossentropy"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> binary.compute(new float[1], new float[] {2}, 1, 1, new float[1], new float[1]));
        assertTrue(e.getMessage().contains("row 0 has label 2.0"), e.getMessage());

        Loss sparse = create(new SparseCategoricalCrossentropyProvider());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> sparse.compute(new float[3], new float[] {3}, 1, 3, new float[1], new float[3]));
        assertTrue(e.getMessage().contains("not a class id in [0, 3)"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> sparse.compute(new float[1], new float[] {0}, 1, 1, new float[1], new float[1]));
        assertTrue(e.getMessage().contains("use binary_crossentropy"), e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> create(new HuberProvider(), "delta", 0.0));
        assertThrows(
                IllegalArgumentException.class, () -> create(new BinaryCrossentropyProvider(), "label_smoothing", 1.5));
        assertThrows(
                IllegalArgumentException.class, () -> create(new BinaryFocalCrossentropyProvider(), "gamma", -1.0));
    }
}
