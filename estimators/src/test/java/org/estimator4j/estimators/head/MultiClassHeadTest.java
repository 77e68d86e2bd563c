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

class MultiClassHeadTest {
    private final MultiClassHead head = MultiClassHead.create(3);

    @Test
    void softmaxLossAndGradientByHand() {
        float[] gradient = new float[3];
        double loss = head.lossAndGradient(new float[] {1, 2, 3}, new float[] {0}, null, 1, gradient);
        // softmax(1, 2, 3) = (0.0900306, 0.2447285, 0.6652410); loss = -log 0.0900306
        assertEquals(2.40760596444438, loss, 1e-12);
        assertArrayEquals(new float[] {0.09003057f - 1, 0.24472847f, 0.66524096f}, gradient, 1e-7f);

        // Two rows, weights 2 and 0: the second contributes nothing, the mean divides by 2.
        float[] g2 = new float[6];
        double l2 = head.lossAndGradient(new float[] {1, 2, 3, 5, 5, 5}, new float[] {0, 1}, new float[] {2, 0}, 2, g2);
        assertEquals(2.40760596444438, l2, 1e-12);
        assertArrayEquals(new float[] {0.09003057f - 1, 0.24472847f, 0.66524096f, 0, 0, 0}, g2, 1e-7f);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        MultiClassHead five = MultiClassHead.create(5);
        Random random = new Random(5);
        int n = 8;
        float[] logits = new float[n * 5];
        float[] targets = new float[n];
        float[] weights = new float[n];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (random.nextGaussian() * 2);
        }
        for (int i = 0; i < n; i++) {
            targets[i] = random.nextInt(5);
            weights[i] = 0.2f + random.nextFloat();
        }
        assertGradientMatchesFiniteDifferences(five, logits, targets, weights, n);
        assertGradientMatchesFiniteDifferences(five, logits, targets, null, n);
    }

    @Test
    void gradientRowsSumToZero() {
        float[] gradient = new float[3];
        head.lossAndGradient(new float[] {0.1f, -4f, 2f}, new float[] {2}, null, 1, gradient);
        assertEquals(0, gradient[0] + gradient[1] + gradient[2], 1e-7);
    }

    @Test
    void extremeLogitsStayFinite() {
        float[] logits = {1000f, -1000f, 0f, -100f, 100f, 100f};
        float[] gradient = new float[6];
        double loss = head.lossAndGradient(logits, new float[] {1, 0}, null, 2, gradient);
        // row 0: 1000 - (-1000); row 1: logsumexp = 100 + log 2, minus -100
        assertEquals((2000 + (200 + Math.log(2))) / 2, loss, 1e-6);
        for (float g : gradient) {
            assertTrue(Float.isFinite(g));
        }
        Prediction p = head.predict(logits, 0);
        assertArrayEquals(new float[] {1, 0, 0}, p.probabilities());
        EvalMetrics m = head.newEvalMetrics();
        m.update(logits, new float[] {1, 0}, null, 2, loss);
        m.results().forEach((k, v) -> assertTrue(Double.isFinite(v), k));
    }

    @Test
    void tensorFlowDocstringExample() {
        // tf.estimator.MultiClassHead docstring: logits ((10, 0, 0), (0, 10, 0)), labels (1, 1): loss 5.00,
        // accuracy 0.50, average_loss 5.00.
        float[] logits = {10, 0, 0, 0, 10, 0};
        float[] targets = new float[2];
        head.readTargets(HeadTestSupport.longs(1, 1), targets);
        double loss = head.lossAndGradient(logits, targets, null, 2, new float[6]);
        assertEquals(5.00, loss, 5e-3);
        EvalMetrics m = head.newEvalMetrics();
        m.update(logits, targets, null, 2, loss);
        Map<String, Double> r = m.results();
        assertEquals(0.5, r.get("accuracy"), 1e-12);
        assertEquals(loss, r.get("average_loss"), 1e-12);
        assertEquals(loss, r.get("loss"), 1e-12);
        assertEquals(List.of("accuracy", "average_loss", "loss"), List.copyOf(r.keySet()));
    }

    @Test
    void lossMetricIsMeanOfBatchLosses() {
        EvalMetrics m = head.newEvalMetrics();
        m.update(new float[] {1, 0, 0}, new float[] {0}, null, 1, 2.0);
        m.update(new float[] {1, 0, 0, 0, 0, 1}, new float[] {0, 2}, new float[] {1, 3}, 2, 4.0);
        assertEquals(3.0, m.results().get("loss"), 1e-12);
        assertEquals(1.0, m.results().get("accuracy"), 1e-12);
    }

    @Test
    void predictions() {
        Prediction p = head.predict(new float[] {9, 9, 9, 0, 1, 2}, 1);
        assertArrayEquals(new float[] {0, 1, 2}, p.logits());
        assertArrayEquals(new float[] {0.09003057f, 0.24472847f, 0.66524096f}, p.probabilities(), 1e-7f);
        assertArrayEquals(new long[] {2}, p.classIds());
        assertArrayEquals(new String[] {"2"}, p.classes());
        assertNull(p.logistic());
        // ties: the first maximum
        assertArrayEquals(new long[] {0}, head.predict(new float[] {9, 9, 9}, 0).classIds());
    }

    @Test
    void stringLabelsThroughVocabulary() {
        MultiClassHead vocab = MultiClassHead.builder(3)
                .labelVocabulary(List.of("red", "green", "blue"))
                .build();
        float[] t = new float[3];
        vocab.readTargets(HeadTestSupport.strings("blue", "red", "green"), t);
        assertArrayEquals(new float[] {2, 0, 1}, t);
        assertArrayEquals(
                new String[] {"green"}, vocab.predict(new float[] {0, 3, 1}, 0).classes());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> vocab.readTargets(HeadTestSupport.strings("red", "purple"), new float[2]));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("'purple'"), e.getMessage());
    }

    @Test
    void labelErrors() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> head.readTargets(HeadTestSupport.longs(0, 3), new float[2]));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("3"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> head.readTargets(HeadTestSupport.floats(0, 1), new float[2]));
        assertTrue(e.getMessage().contains("int64"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> head.readTargets(HeadTestSupport.strings("a"), new float[1]));
        assertTrue(e.getMessage().contains("label_vocabulary"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MultiClassHead.create(2));
        assertThrows(
                IllegalArgumentException.class,
                () -> MultiClassHead.builder(3)
                        .labelVocabulary(List.of("a", "b"))
                        .build());
    }
}
