package org.estimator4j.estimators.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AucTest {
    // The fixture of Keras' AUCTest (tensorflow/python/keras/metrics_test.py, keras/metrics/confusion_metrics_test.py):
    // num_thresholds = 3, so thresholds [-1e-7, 0.5, 1 + 1e-7].
    private static final float[] KERAS_PRED = {0f, 0.5f, 0.3f, 0.9f};
    private static final float[] KERAS_TRUE = {0, 0, 1, 1};
    private static final float[] KERAS_WEIGHT = {1, 2, 3, 4};

    @Test
    void kerasUnweightedRoc() {
        Auc auc = new Auc(3);
        auc.addAll(KERAS_PRED, KERAS_TRUE, null, 4);
        // Keras: tp = [2, 1, 0], fp = [2, 0, 0]; expected_result = 0.75 * 1 + 0.25 * 0
        assertArrayEquals(new double[] {2, 1, 0}, auc.truePositives());
        assertArrayEquals(new double[] {2, 0, 0}, auc.falsePositives());
        assertEquals(0.75, auc.roc(), 1e-9);
    }

    @Test
    void kerasWeightedRocInterpolation() {
        Auc auc = new Auc(3);
        auc.addAll(KERAS_PRED, KERAS_TRUE, KERAS_WEIGHT, 4);
        // Keras test_weighted_roc_interpolation: tp = [7, 4, 0], fp = [3, 0, 0]; expected 0.7855 (atol 1e-3)
        assertArrayEquals(new double[] {7, 4, 0}, auc.truePositives());
        assertArrayEquals(new double[] {3, 0, 0}, auc.falsePositives());
        assertEquals(0.7855, auc.roc(), 1e-3);
        assertEquals((1 + 4.0 / 7) / 2, auc.roc(), 1e-12);
    }

    @Test
    void kerasWeightedPrInterpolation() {
        Auc auc = new Auc(3);
        auc.addAll(KERAS_PRED, KERAS_TRUE, KERAS_WEIGHT, 4);
        // Keras test_weighted_pr_interpolation: expected_result = 2.416 / 7 + 4 / 7 (atol 1e-3)
        assertEquals(2.416 / 7 + 4.0 / 7, auc.pr(), 1e-3);
        assertEquals(0.5 * (3 + 2 * Math.log(2.5)) / 7 + 4.0 / 7, auc.pr(), 1e-12);
    }

    @Test
    void kerasDocstringWeightsMaskExamples() {
        // tf.keras.metrics.AUC docstring: sample_weight [1, 0, 0, 1] gives 1.0.
        Auc auc = new Auc(3);
        auc.addAll(KERAS_PRED, KERAS_TRUE, new float[] {1, 0, 0, 1}, 4);
        assertEquals(1.0, auc.roc(), 1e-12);
    }

    @Test
    void kerasAllCorrect() {
        // Keras test_unweighted_all_correct: predictions equal to the labels give exactly 1.
        Auc auc = new Auc();
        auc.addAll(KERAS_TRUE, KERAS_TRUE, null, 4);
        assertEquals(1.0, auc.roc());
        assertEquals(1.0, auc.pr(), 1e-12);
    }

    @Test
    void defaultThresholdsAreKeras() {
        double[] t = new Auc().thresholds();
        assertEquals(200, t.length);
        assertEquals(-1e-7, t[0]);
        assertEquals(1.0 / 199, t[1], 1e-15);
        assertEquals(198.0 / 199, t[198], 1e-15);
        assertEquals(1 + 1e-7, t[199]);
        assertThrows(IllegalArgumentException.class, () -> new Auc(1));
    }

    @Test
    void strictlyGreaterThanThreshold() {
        // 0.5 is not above the threshold 0.5, so with 3 thresholds it only counts at the first.
        Auc auc = new Auc(3);
        auc.add(0.5f, 1, 1);
        auc.add(1f, 1, 1);
        auc.add(0f, 0, 1);
        assertArrayEquals(new double[] {2, 1, 0}, auc.truePositives());
        assertArrayEquals(new double[] {1, 0, 0}, auc.falsePositives());
    }

    @Test
    void perfectSeparationIsOneAndReversedIsZero() {
        Random random = new Random(1);
        int n = 1000;
        float[] scores = new float[n];
        float[] reversed = new float[n];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextBoolean() ? 1 : 0;
            float u = random.nextFloat() * 0.4f;
            scores[i] = labels[i] == 1 ? 0.6f + u : u;
            reversed[i] = 1 - scores[i];
        }
        Auc perfect = new Auc();
        perfect.addAll(scores, labels, null, n);
        assertEquals(1.0, perfect.roc(), 1e-12);
        assertEquals(1.0, perfect.pr(), 1e-9);
        assertEquals(1.0, Auc.exactRoc(scores, labels, null, n), 1e-12);
        Auc wrong = new Auc();
        wrong.addAll(reversed, labels, null, n);
        assertEquals(0.0, wrong.roc(), 1e-12);
        assertEquals(0.0, Auc.exactRoc(reversed, labels, null, n), 1e-12);
    }

    @Test
    void randomScoresAreAboutOneHalf() {
        Random random = new Random(2);
        int n = 10_000;
        float[] scores = new float[n];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextFloat();
            labels[i] = random.nextBoolean() ? 1 : 0;
        }
        Auc auc = new Auc();
        auc.addAll(scores, labels, null, n);
        assertEquals(0.5, auc.roc(), 0.02);
        // For random scores the PR curve sits at the positive rate.
        double positiveRate = 0;
        for (float l : labels) {
            positiveRate += l;
        }
        assertEquals(positiveRate / n, auc.pr(), 0.02);
    }

    @Test
    void thresholdedRocIsCloseToExact() {
        Random random = new Random(3);
        int n = 10_000;
        float[] scores = new float[n];
        float[] labels = new float[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextDouble() < 0.3 ? 1 : 0;
            double logit = (labels[i] == 1 ? 1.0 : -0.5) + random.nextGaussian();
            scores[i] = (float) (1 / (1 + Math.exp(-logit)));
            weights[i] = 0.5f + random.nextFloat();
        }
        double exact = Auc.exactRoc(scores, labels, null, n);
        Auc auc = new Auc();
        auc.addAll(scores, labels, null, n);
        assertTrue(exact > 0.75 && exact < 0.95, "exact AUC " + exact);
        assertEquals(exact, auc.roc(), 0.01);

        double exactWeighted = Auc.exactRoc(scores, labels, weights, n);
        Auc weighted = new Auc();
        weighted.addAll(scores, labels, weights, n);
        assertEquals(exactWeighted, weighted.roc(), 0.01);
        assertTrue(Math.abs(exactWeighted - exact) > 1e-6, "weights must change the exact value");
    }

    @Test
    void exactRocCountsTiesAsHalf() {
        float[] scores = {0.5f, 0.5f, 0.7f, 0.2f};
        float[] labels = {1, 0, 1, 0};
        // pairs (pos, neg): (0.5, 0.5) tie = 0.5, (0.5, 0.2) = 1, (0.7, 0.5) = 1, (0.7, 0.2) = 1 -> 3.5 / 4
        assertEquals(0.875, Auc.exactRoc(scores, labels, null, 4), 1e-12);
        assertTrue(Double.isNaN(Auc.exactRoc(scores, new float[] {1, 1, 1, 1}, null, 4)));
    }

    @Test
    void noNegativesGivesZeroRocAsTensorFlow() {
        Auc auc = new Auc();
        auc.add(0.9f, 1, 1);
        auc.add(0.2f, 1, 1);
        assertEquals(0.0, auc.roc());
        assertEquals(1.0, auc.pr(), 1e-12);
    }

    @Test
    void resetClears() {
        Auc auc = new Auc(3);
        auc.addAll(KERAS_PRED, KERAS_TRUE, null, 4);
        auc.reset();
        assertArrayEquals(new double[] {0, 0, 0}, auc.truePositives());
        assertEquals(0.0, auc.roc());
    }
}
