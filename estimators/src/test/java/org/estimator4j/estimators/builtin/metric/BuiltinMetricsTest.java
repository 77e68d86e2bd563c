package org.estimator4j.estimators.builtin.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.estimators.head.Auc;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;
import org.junit.jupiter.api.Test;

/**
 * The built-in metrics against values computed here in double from Keras' definitions, weighted and unweighted, and
 * merged from two halves of the data.
 */
class BuiltinMetricsTest {
    // A binary classifier's data: labels, probabilities of class 1 and example weights.
    private static final float[] LABELS = {1, 0, 1, 1, 0, 0, 1, 0};
    private static final float[] PROBS = {0.9f, 0.2f, 0.6f, 0.4f, 0.7f, 0.1f, 0.8f, 0.5f};
    private static final float[] WEIGHTS = {1, 2, 0.5f, 1, 1.5f, 1, 2, 1};
    private static final int N = LABELS.length;

    private static Metric create(MetricProvider provider, Object... overrides) {
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

    private static double run(Metric m, float[] labels, float[] predictions, float[] weights, int n, int width) {
        m.reset();
        m.update(labels, predictions, weights, n, width);
        return m.result();
    }

    private static double w(float[] weights, int i) {
        return weights == null ? 1 : weights[i];
    }

    /** Keras' confusion counts at 0.5: tp, fp, fn, tn. */
    private static double[] confusion(float[] weights) {
        double[] c = new double[4];
        for (int i = 0; i < N; i++) {
            boolean predicted = PROBS[i] > 0.5f;
            boolean positive = LABELS[i] != 0;
            c[predicted ? (positive ? 0 : 1) : (positive ? 2 : 3)] += w(weights, i);
        }
        return c;
    }

    /** Weighted probability that a positive outscores a negative, ties half: pair by pair. */
    private static double pairwiseAuc(float[] labels, float[] scores, float[] weights) {
        double area = 0;
        double pairs = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < labels.length; j++) {
                if (labels[i] != 0 && labels[j] == 0) {
                    double ww = w(weights, i) * w(weights, j);
                    pairs += ww;
                    area += scores[i] > scores[j] ? ww : scores[i] == scores[j] ? ww / 2 : 0;
                }
            }
        }
        return area / pairs;
    }

    /** max over thresholds t (every score, and above all) of |TPR(score >= t) - FPR(score >= t)|. */
    private static double bruteForceKs(float[] labels, float[] scores, float[] weights) {
        double pos = 0;
        double neg = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0) {
                pos += w(weights, i);
            } else {
                neg += w(weights, i);
            }
        }
        double ks = 0;
        for (float t : scores) {
            double tp = 0;
            double fp = 0;
            for (int i = 0; i < labels.length; i++) {
                if (scores[i] >= t) {
                    if (labels[i] != 0) {
                        tp += w(weights, i);
                    } else {
                        fp += w(weights, i);
                    }
                }
            }
            ks = Math.max(ks, Math.abs(tp / pos - fp / neg));
        }
        return ks;
    }

    @Test
    void binaryClassificationMetricsMatchTheirDefinitionsWeightedAndNot() {
        for (float[] weights : Arrays.asList(null, WEIGHTS)) {
            double[] c = confusion(weights);
            double tp = c[0];
            double fp = c[1];
            double fn = c[2];
            double tn = c[3];
            String what = weights == null ? "unweighted" : "weighted";
            double accuracy = (tp + tn) / (tp + fp + fn + tn);
            assertEquals(accuracy, run(create(new AccuracyProvider()), LABELS, PROBS, weights, N, 1), 1e-12, what);
            assertEquals(accuracy, run(create(new BinaryAccuracyProvider()), LABELS, PROBS, weights, N, 1), 1e-12);
            assertEquals(tp / (tp + fp), run(create(new PrecisionProvider()), LABELS, PROBS, weights, N, 1), 1e-12);
            assertEquals(tp / (tp + fn), run(create(new RecallProvider()), LABELS, PROBS, weights, N, 1), 1e-12);
            double p = tp / (tp + fp);
            double r = tp / (tp + fn);
            assertEquals(2 * p * r / (p + r), run(create(new F1Provider()), LABELS, PROBS, weights, N, 1), 1e-12);

            double exact = pairwiseAuc(LABELS, PROBS, weights);
            assertEquals(exact, run(create(new AucProvider(), "exact", true), LABELS, PROBS, weights, N, 1), 1e-12);
            assertEquals(
                    Auc.exactRoc(PROBS, LABELS, weights, N),
                    run(create(new AucProvider(), "exact", true), LABELS, PROBS, weights, N, 1),
                    1e-12);
            // Scores 0.1 apart fall between different thresholds: Keras' 200 thresholds trace the exact curve.
            assertEquals(exact, run(create(new AucProvider()), LABELS, PROBS, weights, N, 1), 1e-6, what);
            assertEquals(
                    run(create(new AucProvider(), "curve", "PR", "exact", true), LABELS, PROBS, weights, N, 1),
                    run(create(new AucProvider(), "curve", "pr"), LABELS, PROBS, weights, N, 1),
                    1e-6,
                    what);

            assertEquals(
                    bruteForceKs(LABELS, PROBS, weights),
                    run(create(new KsProvider()), LABELS, PROBS, weights, N, 1),
                    1e-12,
                    what);

            double logLoss = 0;
            double brier = 0;
            double mean = 0;
            double total = 0;
            for (int i = 0; i < N; i++) {
                double y = LABELS[i];
                double q = PROBS[i];
                logLoss += w(weights, i) * -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
                brier += w(weights, i) * (q - y) * (q - y);
                mean += w(weights, i) * q;
                total += w(weights, i);
            }
            assertEquals(logLoss / total, run(create(new LogLossProvider()), LABELS, PROBS, weights, N, 1), 1e-6);
            assertEquals(brier / total, run(create(new MseProvider()), LABELS, PROBS, weights, N, 1), 1e-6);
            assertEquals(mean / total, run(create(new MeanProvider()), LABELS, PROBS, weights, N, 1), 1e-6);
        }
        // The weights matter: unweighted and weighted results differ.
        assertNotEquals(
                run(create(new PrecisionProvider()), LABELS, PROBS, null, N, 1),
                run(create(new PrecisionProvider()), LABELS, PROBS, WEIGHTS, N, 1));
        // Unweighted by hand: predicted positive 0.9, 0.6, 0.7, 0.8 (0.5 is not > 0.5): tp 3, fp 1, fn 1, tn 3.
        assertEquals(0.75, run(create(new PrecisionProvider()), LABELS, PROBS, null, N, 1), 1e-12);
        assertEquals(0.75, run(create(new AccuracyProvider()), LABELS, PROBS, null, N, 1), 1e-12);
        // With threshold 0.45, 0.5 counts as positive too: tp 3, fp 2.
        assertEquals(0.6, run(create(new PrecisionProvider(), "threshold", 0.45), LABELS, PROBS, null, N, 1), 1e-12);
    }

    @Test
    void rankingMetricsOnSmallHandComputedCases() {
        // Positives at 0.8 and 0.4, a negative at 0.6: one pair of two is ordered right.
        float[] labels = {1, 0, 1};
        float[] scores = {0.8f, 0.6f, 0.4f};
        assertEquals(0.5, run(create(new AucProvider(), "exact", true), labels, scores, null, 3, 1), 1e-12);
        // PR: recall 1/2 at precision 1, then from 1 to 2 true positives the predicted positives go from 2 to 3, so
        // precision (p - 1) / p: ∫ (p - 1) / p dp / 2 over [2, 3] = (1 - ln 1.5) / 2 (Davis & Goadrich).
        assertEquals(
                0.5 + (1 - Math.log(1.5)) / 2,
                run(create(new AucProvider(), "curve", "PR", "exact", true), labels, scores, null, 3, 1),
                1e-12);
        // At threshold 0.8: TPR 1/2, FPR 0.
        assertEquals(0.5, run(create(new KsProvider()), labels, scores, null, 3, 1), 1e-12);
        // Ties count half: one positive and one negative at the same score.
        assertEquals(
                0.5,
                run(create(new AucProvider(), "exact", true), new float[] {1, 0}, new float[] {0.3f, 0.3f}, null, 2, 1),
                1e-12);
        // Perfect ranking: both areas 1, KS 1.
        float[] perfect = {0.9f, 0.8f, 0.3f, 0.2f};
        float[] perfectLabels = {1, 1, 0, 0};
        assertEquals(1, run(create(new AucProvider(), "exact", true), perfectLabels, perfect, null, 4, 1), 1e-12);
        assertEquals(
                1,
                run(create(new AucProvider(), "curve", "PR", "exact", true), perfectLabels, perfect, null, 4, 1),
                1e-12);
        assertEquals(1, run(create(new KsProvider()), perfectLabels, perfect, null, 4, 1), 1e-12);
        // One class only: the exact areas and KS are undefined, the thresholded area is 0 as in Keras.
        assertTrue(
                Double.isNaN(run(create(new AucProvider(), "exact", true), new float[] {1, 1}, perfect, null, 2, 1)));
        assertTrue(Double.isNaN(run(create(new KsProvider()), new float[] {0, 0}, perfect, null, 2, 1)));
        assertEquals(0, run(create(new AucProvider()), new float[] {1, 1}, perfect, null, 2, 1));
    }

    @Test
    void multiClassAccuracyTakesTheArgmaxAndLogLossTheLabelsProbability() {
        float[] labels = {2, 0, 1};
        float[] probs = {0.1f, 0.3f, 0.6f, 0.5f, 0.4f, 0.1f, 0.4f, 0.4f, 0.2f};
        float[] weights = {1, 3, 2};
        // Argmax 2 (right), 0 (right), 0 (first on the 0.4 tie; wrong).
        assertEquals(4.0 / 6, run(create(new AccuracyProvider()), labels, probs, weights, 3, 3), 1e-12);
        double expected = -(Math.log(0.6) + 3 * Math.log(0.5) + 2 * Math.log(0.4)) / 6;
        assertEquals(expected, run(create(new LogLossProvider()), labels, probs, weights, 3, 3), 1e-6);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> create(new PrecisionProvider()).update(labels, probs, null, 3, 3));
        assertTrue(e.getMessage().contains("predicts 3 values per example"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> create(new MseProvider()).update(labels, probs, null, 3, 3));
        assertTrue(e.getMessage().contains("one class id per example"), e.getMessage());
    }

    @Test
    void logLossClipsProbabilitiesAsKeras() {
        double clipped = run(create(new LogLossProvider()), new float[] {1}, new float[] {0}, null, 1, 1);
        assertEquals(-Math.log(1e-7), clipped, 1e-9);
    }

    @Test
    void regressionMetricsOverTwoOutputs() {
        // Three examples, two outputs each.
        float[] labels = {1, 10, 2, 20, 4, 30};
        float[] predictions = {1.5f, 12, 2, 18, 3, 33};
        float[] weights = {1, 2, 0.5f};
        double sq = 0;
        double abs = 0;
        double mean = 0;
        double total = 0;
        for (int i = 0; i < 3; i++) {
            double rowSq = 0;
            double rowAbs = 0;
            for (int j = 0; j < 2; j++) {
                double e = predictions[2 * i + j] - labels[2 * i + j];
                rowSq += e * e;
                rowAbs += Math.abs(e);
                mean += weights[i] * predictions[2 * i + j];
            }
            sq += weights[i] * rowSq / 2;
            abs += weights[i] * rowAbs / 2;
            total += weights[i];
        }
        assertEquals(sq / total, run(create(new MseProvider()), labels, predictions, weights, 3, 2), 1e-9);
        assertEquals(Math.sqrt(sq / total), run(create(new RmseProvider()), labels, predictions, weights, 3, 2), 1e-9);
        assertEquals(abs / total, run(create(new MaeProvider()), labels, predictions, weights, 3, 2), 1e-9);
        assertEquals(mean / (2 * total), run(create(new MeanProvider()), labels, predictions, weights, 3, 2), 1e-9);

        // r2 per output from Keras' sums, then averaged (uniform_average).
        double r2 = 0;
        for (int j = 0; j < 2; j++) {
            double sw = 0;
            double swy = 0;
            double swy2 = 0;
            double res = 0;
            for (int i = 0; i < 3; i++) {
                double y = labels[2 * i + j];
                double e = y - predictions[2 * i + j];
                sw += weights[i];
                swy += weights[i] * y;
                swy2 += weights[i] * y * y;
                res += weights[i] * e * e;
            }
            r2 += 1 - res / (swy2 - swy * swy / sw);
        }
        assertEquals(r2 / 2, run(create(new R2Provider()), labels, predictions, weights, 3, 2), 1e-9);
        // Unweighted, one output, by hand: labels 1, 2, 4 (mean 7/3, SS_tot 14/3), residuals 0.25, 0, 1.
        assertEquals(
                1 - 1.25 / (14.0 / 3),
                run(create(new R2Provider()), new float[] {1, 2, 4}, new float[] {1.5f, 2, 3}, null, 3, 1),
                1e-9);
        // Constant labels: 1 when predicted exactly, else 0 (scikit-learn and the regression head).
        assertEquals(1, run(create(new R2Provider()), new float[] {2, 2}, new float[] {2, 2}, null, 2, 1));
        assertEquals(0, run(create(new R2Provider()), new float[] {2, 2}, new float[] {2, 3}, null, 2, 1));
    }

    /** Every provider's metric with defaults, binary layout; r2 and the others also read one value per example. */
    private static List<MetricProvider> all() {
        return List.of(
                new AccuracyProvider(),
                new BinaryAccuracyProvider(),
                new AucProvider(),
                new PrecisionProvider(),
                new RecallProvider(),
                new F1Provider(),
                new LogLossProvider(),
                new MseProvider(),
                new RmseProvider(),
                new MaeProvider(),
                new R2Provider(),
                new MeanProvider(),
                new KsProvider());
    }

    @Test
    void mergingTwoHalvesGivesTheResultOfOneAccumulatorOverAll() {
        for (MetricProvider provider : all()) {
            for (float[] weights : Arrays.asList(null, WEIGHTS)) {
                for (Object[] params : provider instanceof AucProvider
                        ? new Object[][] {{}, {"exact", true}, {"curve", "PR"}, {"curve", "PR", "exact", true}}
                        : new Object[][] {{}}) {
                    Metric whole = create(provider, params);
                    whole.update(LABELS, PROBS, weights, N, 1);
                    Metric first = create(provider, params);
                    Metric second = create(provider, params);
                    int split = 3;
                    first.update(
                            Arrays.copyOf(LABELS, split),
                            Arrays.copyOf(PROBS, split),
                            weights == null ? null : Arrays.copyOf(weights, split),
                            split,
                            1);
                    second.update(
                            Arrays.copyOfRange(LABELS, split, N),
                            Arrays.copyOfRange(PROBS, split, N),
                            weights == null ? null : Arrays.copyOfRange(weights, split, N),
                            N - split,
                            1);
                    first.merge(second);
                    String what =
                            provider.name() + " " + Arrays.toString(params) + (weights == null ? "" : " weighted");
                    assertEquals(whole.result(), first.result(), 1e-12, what);
                    assertTrue(!Double.isNaN(whole.result()), what);
                }
            }
        }
        // r2 over two outputs: the merged moments equal one pass.
        float[] labels = {1, 10, 2, 20, 4, 30, 7, 5};
        float[] predictions = {1.5f, 12, 2, 18, 3, 33, 6, 6};
        Metric whole = create(new R2Provider());
        whole.update(labels, predictions, WEIGHTS, 4, 2);
        Metric a = create(new R2Provider());
        Metric b = create(new R2Provider());
        a.update(Arrays.copyOf(labels, 2), Arrays.copyOf(predictions, 2), WEIGHTS, 1, 2);
        b.update(
                Arrays.copyOfRange(labels, 2, 8),
                Arrays.copyOfRange(predictions, 2, 8),
                Arrays.copyOfRange(WEIGHTS, 1, 4),
                3,
                2);
        a.merge(b);
        assertEquals(whole.result(), a.result(), 1e-12);
    }

    @Test
    void resultsAreNaNBeforeAnyUpdateAndAfterReset() {
        for (MetricProvider provider : all()) {
            Metric m = create(provider);
            assertTrue(Double.isNaN(m.result()), provider.name());
            m.update(LABELS, PROBS, null, N, 1);
            assertTrue(!Double.isNaN(m.result()), provider.name());
            m.reset();
            assertTrue(Double.isNaN(m.result()), provider.name());
        }
    }

    @Test
    void mergingDifferentMetricsOrParametersIsRefused() {
        Metric precision = create(new PrecisionProvider());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> precision.merge(create(new RecallProvider())));
        assertTrue(
                e.getMessage().contains("same parameters") || e.getMessage().contains("same provider"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> precision.merge(create(new PrecisionProvider(), "threshold", 0.7)));
        assertThrows(IllegalArgumentException.class, () -> precision.merge(create(new MseProvider())));
        assertThrows(
                IllegalArgumentException.class,
                () -> create(new AucProvider()).merge(create(new AucProvider(), "exact", true)));
        assertThrows(
                IllegalArgumentException.class,
                () -> create(new AucProvider()).merge(create(new AucProvider(), "num_thresholds", 50)));
        assertThrows(IllegalArgumentException.class, () -> create(new AucProvider(), "curve", "DET"));
        assertThrows(IllegalArgumentException.class, () -> create(new F1Provider(), "threshold", 2.0));
    }
}
