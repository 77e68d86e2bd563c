package org.estimator4j.estimators.head;

import static org.estimator4j.estimators.head.HeadTestSupport.assertGradientMatchesFiniteDifferences;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.estimator4j.api.estimator.Prediction;
import org.junit.jupiter.api.Test;

class BinaryClassHeadTest {
    private final BinaryClassHead head = BinaryClassHead.create();

    private float[] targets(org.estimator4j.api.table.Batch labels) {
        float[] t = new float[labels.numRows()];
        head.readTargets(labels, t);
        return t;
    }

    @Test
    void lossAndGradientByHand() {
        float[] logits = {1f, -2f, 0f};
        float[] targets = {1, 0, 1};
        float[] weights = {1f, 2f, 0.5f};
        float[] gradient = new float[3];
        double loss = head.lossAndGradient(logits, targets, weights, 3, gradient);
        // (log(1+e^-1) + 2 log(1+e^-2) + 0.5 log 2) / 3
        assertEquals(0.3045637666280468, loss, 1e-12);
        // (sigmoid(x) - z) w / 3
        assertArrayEquals(new float[] {-0.08964714f, 0.07946861f, -0.08333333f}, gradient, 1e-7f);
    }

    @Test
    void unweightedLossIsMean() {
        float[] gradient = new float[2];
        double loss = head.lossAndGradient(new float[] {0f, 0f}, new float[] {1, 0}, null, 2, gradient);
        assertEquals(Math.log(2), loss, 1e-12);
        assertArrayEquals(new float[] {-0.25f, 0.25f}, gradient, 1e-7f);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Random random = new Random(7);
        int n = 20;
        float[] logits = new float[n];
        float[] targets = new float[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            logits[i] = (float) (random.nextGaussian() * 3);
            targets[i] = i % 3 == 0 ? 0.25f : random.nextBoolean() ? 1 : 0;
            weights[i] = 0.1f + random.nextFloat() * 2;
        }
        assertGradientMatchesFiniteDifferences(head, logits, targets, weights, n);
        assertGradientMatchesFiniteDifferences(head, logits, targets, null, n);
    }

    @Test
    void extremeLogitsStayFinite() {
        float[] logits = {100f, -100f, 100f, -100f};
        float[] targets = {0, 1, 1, 0};
        float[] gradient = new float[4];
        double loss = head.lossAndGradient(logits, targets, null, 4, gradient);
        assertEquals((100 + 100) / 4.0, loss, 1e-9);
        for (float g : gradient) {
            assertTrue(Float.isFinite(g));
        }
        assertArrayEquals(new float[] {0.25f, -0.25f, 0f, 0f}, gradient, 1e-7f);
        Prediction p = head.predict(logits, 1);
        assertTrue(Float.isFinite(p.logistic()[0]) && Float.isFinite(p.probabilities()[0]));
        assertEquals(1f, p.probabilities()[0]);
        EvalMetrics m = head.newEvalMetrics();
        m.update(logits, targets, null, 4, loss);
        m.results().forEach((k, v) -> assertTrue(Double.isFinite(v), k + " = " + v));
    }

    @Test
    void tensorFlowDocstringExample() {
        // tf.estimator.BinaryClassHead docstring: logits (45, -41), labels (1, 1): loss 20.50; metrics accuracy 0.50,
        // accuracy_baseline 1.00, auc 0.00, auc_precision_recall 1.00, average_loss 20.50, label/mean 1.00,
        // precision 1.00, prediction/mean 0.50, recall 0.50.
        float[] logits = {45f, -41f};
        float[] targets = targets(HeadTestSupport.longs(1, 1));
        double loss = head.lossAndGradient(logits, targets, null, 2, new float[2]);
        assertEquals(20.5, loss, 1e-9);
        EvalMetrics metrics = head.newEvalMetrics();
        metrics.update(logits, targets, null, 2, loss);
        Map<String, Double> r = metrics.results();
        assertEquals(0.5, r.get("accuracy"), 1e-9);
        assertEquals(1.0, r.get("accuracy_baseline"), 1e-9);
        assertEquals(0.0, r.get("auc"), 1e-9);
        assertEquals(1.0, r.get("auc_precision_recall"), 1e-9);
        assertEquals(20.5, r.get("average_loss"), 1e-9);
        assertEquals(1.0, r.get("label/mean"), 1e-9);
        assertEquals(1.0, r.get("precision"), 1e-9);
        assertEquals(0.5, r.get("prediction/mean"), 1e-9);
        assertEquals(0.5, r.get("recall"), 1e-9);
        assertEquals(20.5, r.get("loss"), 1e-9);
        assertEquals(
                List.of(
                        "accuracy",
                        "accuracy_baseline",
                        "auc",
                        "auc_precision_recall",
                        "average_loss",
                        "label/mean",
                        "loss",
                        "precision",
                        "prediction/mean",
                        "recall"),
                List.copyOf(r.keySet()));
    }

    @Test
    void predictions() {
        Prediction p = head.predict(new float[] {0.3f, 0f, -1f}, 0);
        double s = 1 / (1 + Math.exp(-0.3));
        assertArrayEquals(new float[] {0.3f}, p.logits());
        assertArrayEquals(new float[] {(float) s}, p.logistic(), 1e-7f);
        assertArrayEquals(new float[] {(float) (1 - s), (float) s}, p.probabilities(), 1e-7f);
        assertArrayEquals(new long[] {1}, p.classIds());
        assertArrayEquals(new String[] {"1"}, p.classes());
        assertNull(p.predictions());
        // argmax([0, 0]) is class 0, as tf.math.argmax picks the first maximum.
        Prediction tie = head.predict(new float[] {0.3f, 0f, -1f}, 1);
        assertArrayEquals(new long[] {0}, tie.classIds());
        assertArrayEquals(new float[] {0.5f, 0.5f}, tie.probabilities());
        assertArrayEquals(
                new String[] {"0"}, head.predict(new float[] {0.3f, 0f, -1f}, 2).classes());
    }

    @Test
    void labelTypes() {
        assertArrayEquals(new float[] {1, 0, 1}, targets(HeadTestSupport.longs(1, 0, 1)));
        assertArrayEquals(new float[] {0, 1, 0.25f}, targets(HeadTestSupport.floats(0, 1, 0.25f)));
        assertArrayEquals(new float[] {1, 0}, targets(HeadTestSupport.doubles(1, 0)));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> targets(HeadTestSupport.longs(0, 1, 2)));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> targets(HeadTestSupport.floats(0, 1.5f)));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void stringLabelsThroughVocabulary() {
        BinaryClassHead vocab =
                BinaryClassHead.builder().labelVocabulary(List.of("no", "yes")).build();
        float[] t = new float[3];
        vocab.readTargets(HeadTestSupport.strings("yes", "no", "yes"), t);
        assertArrayEquals(new float[] {1, 0, 1}, t);
        assertArrayEquals(
                new String[] {"yes"}, vocab.predict(new float[] {2f}, 0).classes());
        assertArrayEquals(
                new String[] {"no"}, vocab.predict(new float[] {-2f}, 0).classes());
        assertEquals(List.of("no", "yes"), vocab.labelVocabulary());

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> vocab.readTargets(HeadTestSupport.strings("yes", "no", "maybe"), new float[3]));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("'maybe'"), e.getMessage());

        e = assertThrows(
                IllegalArgumentException.class, () -> vocab.readTargets(HeadTestSupport.longs(1, 0), new float[2]));
        assertTrue(e.getMessage().contains("must be strings"), e.getMessage());
    }

    @Test
    void stringLabelsWithoutVocabularyAreAnError() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> targets(HeadTestSupport.strings("yes", "no")));
        assertTrue(e.getMessage().contains("label_vocabulary"), e.getMessage());
    }

    @Test
    void missingLabelNamesRow() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> targets(
                        HeadTestSupport.floatsWithMissing(new float[] {1, 0, 0}, new boolean[] {false, true, false})));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void vocabularyValidation() {
        assertThrows(
                IllegalArgumentException.class,
                () -> BinaryClassHead.builder()
                        .labelVocabulary(List.of("a", "b", "c"))
                        .build());
        assertThrows(
                IllegalArgumentException.class,
                () -> BinaryClassHead.builder()
                        .labelVocabulary(List.of("a", "a"))
                        .build());
    }

    @Test
    void accuracyBaselineAndLabelMean() {
        // TensorFlow's _update_accuracy_baseline example: labels [0, 1, 0, 1, 1] -> 0.6.
        float[] targets = {0, 1, 0, 1, 1};
        float[] logits = {-1, -1, -1, -1, -1};
        EvalMetrics m = head.newEvalMetrics();
        m.update(logits, targets, null, 5, 0);
        assertEquals(0.6, m.results().get("accuracy_baseline"), 1e-12);
        assertEquals(0.6, m.results().get("label/mean"), 1e-12);
        assertEquals(0.4, m.results().get("accuracy"), 1e-12);
        // Weighted: positives weigh 3 * 1, negatives 2 * 4 -> label mean 3/11, baseline 8/11.
        EvalMetrics w = head.newEvalMetrics();
        w.update(logits, targets, new float[] {4, 1, 4, 1, 1}, 5, 0);
        assertEquals(3.0 / 11, w.results().get("label/mean"), 1e-12);
        assertEquals(8.0 / 11, w.results().get("accuracy_baseline"), 1e-12);
        assertEquals(8.0 / 11, w.results().get("accuracy"), 1e-12);
    }

    @Test
    void precisionAndRecall() {
        float[] logits = {2f, -1f, 0.5f, -3f, 1f, 0f};
        float[] targets = {1, 1, 0, 0, 1, 1};
        // class ids [1, 0, 1, 0, 1, 0]: tp = {0, 4}, fp = {2}, fn = {1, 5}
        EvalMetrics m = head.newEvalMetrics();
        m.update(logits, targets, null, 6, 0);
        assertEquals(2.0 / 3, m.results().get("precision"), 1e-12);
        assertEquals(2.0 / 4, m.results().get("recall"), 1e-12);
        assertEquals(3.0 / 6, m.results().get("accuracy"), 1e-12);
        EvalMetrics w = head.newEvalMetrics();
        w.update(logits, targets, new float[] {1, 2, 3, 4, 5, 6}, 6, 0);
        assertEquals(6.0 / 9, w.results().get("precision"), 1e-12);
        assertEquals(6.0 / 14, w.results().get("recall"), 1e-12);
    }

    @Test
    void metricsAccumulateAcrossBatches() {
        Random random = new Random(11);
        int n = 400;
        float[] logits = new float[n];
        float[] targets = new float[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            targets[i] = random.nextBoolean() ? 1 : 0;
            logits[i] = (float) (targets[i] * 2 - 1 + random.nextGaussian() * 1.5);
            weights[i] = 0.5f + random.nextFloat();
        }
        EvalMetrics whole = head.newEvalMetrics();
        double loss = head.lossAndGradient(logits, targets, weights, n, new float[n]);
        whole.update(logits, targets, weights, n, loss);
        EvalMetrics parts = head.newEvalMetrics();
        int half = n / 2;
        float[] l2 = java.util.Arrays.copyOfRange(logits, half, n);
        float[] t2 = java.util.Arrays.copyOfRange(targets, half, n);
        float[] w2 = java.util.Arrays.copyOfRange(weights, half, n);
        double loss1 = head.lossAndGradient(logits, targets, weights, half, new float[n]);
        double loss2 = head.lossAndGradient(l2, t2, w2, half, new float[half]);
        parts.update(logits, targets, weights, half, loss1);
        parts.update(l2, t2, w2, half, loss2);
        Map<String, Double> a = whole.results();
        Map<String, Double> b = parts.results();
        for (String k : a.keySet()) {
            assertEquals(a.get(k), b.get(k), 1e-9, k);
        }
        // average_loss is the weighted mean per-example loss: sum(w l) / sum(w), not the sum_over_batch_size loss.
        double sumW = 0;
        for (float x : weights) {
            sumW += x;
        }
        assertEquals(loss * n / sumW, a.get("average_loss"), 1e-9);
        // auc close to the exact weighted one
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = (float) BinaryClassHead.sigmoid(logits[i]);
        }
        assertEquals(Auc.exactRoc(p, targets, weights, n), a.get("auc"), 0.01);
    }

    @Test
    void emptyMetricsAreZero() {
        Map<String, Double> r = head.newEvalMetrics().results();
        r.forEach((k, v) -> assertEquals(0.0, v, k));
    }

    @Test
    void lossAndGradientEqualTheSigmoidAndCrossEntropyFormulasBitForBit() {
        // lossAndGradient shares exp(-|x|) between the loss and the sigmoid; the results must not move.
        Random r = new Random(11);
        int n = 500;
        float[] logits = new float[n];
        float[] targets = new float[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            logits[i] = switch (i % 10) {
                case 0 -> 0f;
                case 1 -> -0f;
                case 2 -> (float) (r.nextGaussian() * 60);
                default -> (float) r.nextGaussian() * 3;
            };
            targets[i] = i % 7 == 0 ? r.nextFloat() : r.nextInt(2);
            weights[i] = r.nextFloat() * 2;
        }
        for (float[] w : new float[][] {null, weights}) {
            float[] gradient = new float[n];
            double loss = BinaryClassHead.create().lossAndGradient(logits, targets, w, n, gradient);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double x = logits[i];
                double weight = w == null ? 1 : w[i];
                sum += weight * BinaryClassHead.sigmoidCrossEntropy(x, targets[i]);
                assertEquals(
                        (float) ((BinaryClassHead.sigmoid(x) - targets[i]) * weight * (1.0 / n)),
                        gradient[i],
                        "row " + i);
            }
            assertEquals(sum * (1.0 / n), loss);
        }
    }
}
