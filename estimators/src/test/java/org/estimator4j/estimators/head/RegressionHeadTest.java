package org.estimator4j.estimators.head;

import static org.estimator4j.estimators.head.HeadTestSupport.assertGradientMatchesFiniteDifferences;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.estimator4j.api.estimator.Prediction;
import org.junit.jupiter.api.Test;

class RegressionHeadTest {
    private final RegressionHead head = RegressionHead.create();

    @Test
    void tensorFlowDocstringExample() {
        // tf.estimator.RegressionHead docstring: logits (45, 41), labels (43, 44): loss 6.50; average_loss 6.50,
        // label/mean 43.50, prediction/mean 43.00.
        float[] targets = new float[2];
        head.readTargets(HeadTestSupport.longs(43, 44), targets);
        float[] logits = {45, 41};
        float[] gradient = new float[2];
        double loss = head.lossAndGradient(logits, targets, null, 2, gradient);
        assertEquals(6.5, loss, 1e-12);
        // 2 (p - y) / 2
        assertArrayEquals(new float[] {2, -3}, gradient);
        EvalMetrics m = head.newEvalMetrics();
        m.update(logits, targets, null, 2, loss);
        Map<String, Double> r = m.results();
        assertEquals(6.5, r.get("average_loss"), 1e-12);
        assertEquals(43.5, r.get("label/mean"), 1e-12);
        assertEquals(43.0, r.get("prediction/mean"), 1e-12);
        assertEquals(6.5, r.get("loss"), 1e-12);
    }

    @Test
    void weightedLossDividesByRowsTimesDimension() {
        RegressionHead two = RegressionHead.create(2);
        float[] logits = {1, 2, 3, 4};
        float[] targets = {0, 0, 1, 1};
        float[] gradient = new float[4];
        // squared errors 1, 4 (w 3) and 4, 9 (w 0.5): (15 + 6.5) / (2 * 2)
        double loss = two.lossAndGradient(logits, targets, new float[] {3, 0.5f}, 2, gradient);
        assertEquals(21.5 / 4, loss, 1e-12);
        assertArrayEquals(
                new float[] {2 * 1 * 3 / 4f, 2 * 2 * 3 / 4f, 2 * 2 * 0.5f / 4, 2 * 3 * 0.5f / 4}, gradient, 1e-7f);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        RegressionHead three = RegressionHead.create(3);
        Random random = new Random(9);
        int n = 6;
        float[] logits = new float[n * 3];
        float[] targets = new float[n * 3];
        float[] weights = new float[n];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) random.nextGaussian();
            targets[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            weights[i] = random.nextFloat() * 2;
        }
        assertGradientMatchesFiniteDifferences(three, logits, targets, weights, n);
        assertGradientMatchesFiniteDifferences(three, logits, targets, null, n);
    }

    @Test
    void rmseMaeR2() {
        float[] logits = {1.5f, 2, 2, 5};
        float[] targets = {1, 2, 3, 4};
        EvalMetrics m = head.newEvalMetrics();
        m.update(logits, targets, null, 4, 0);
        Map<String, Double> r = m.results();
        // errors 0.5, 0, -1, 1; SS_res 2.25; labels' mean 2.5, SS_tot 5
        assertEquals(2.25 / 4, r.get("average_loss"), 1e-12);
        assertEquals(0.75, r.get("rmse"), 1e-12);
        assertEquals(0.625, r.get("mae"), 1e-12);
        assertEquals(1 - 2.25 / 5, r.get("r2"), 1e-12);
    }

    @Test
    void weightedMetricsAcrossBatches() {
        // weights 2, 1, 1, 0 over two batches: SS_res 1.5, sum w 4, |e| sum 2, weighted label mean 1.75, SS_tot 2.75
        EvalMetrics m = head.newEvalMetrics();
        m.update(new float[] {1.5f, 2}, new float[] {1, 2}, new float[] {2, 1}, 2, 1.0);
        m.update(new float[] {2, 5}, new float[] {3, 4}, new float[] {1, 0}, 2, 2.0);
        Map<String, Double> r = m.results();
        assertEquals(0.375, r.get("average_loss"), 1e-12);
        assertEquals(Math.sqrt(0.375), r.get("rmse"), 1e-12);
        assertEquals(0.5, r.get("mae"), 1e-12);
        assertEquals(1 - 1.5 / 2.75, r.get("r2"), 1e-12);
        assertEquals(1.75, r.get("label/mean"), 1e-12);
        assertEquals((3 + 2 + 2) / 4.0, r.get("prediction/mean"), 1e-12);
        assertEquals(1.5, r.get("loss"), 1e-12);
    }

    @Test
    void r2OfPerfectAndMeanPredictions() {
        EvalMetrics perfect = head.newEvalMetrics();
        perfect.update(new float[] {1, 2, 3}, new float[] {1, 2, 3}, null, 3, 0);
        assertEquals(1.0, perfect.results().get("r2"), 1e-12);
        EvalMetrics mean = head.newEvalMetrics();
        mean.update(new float[] {2, 2, 2}, new float[] {1, 2, 3}, null, 3, 0);
        assertEquals(0.0, mean.results().get("r2"), 1e-12);
    }

    @Test
    void multiDimensionalLabels() {
        RegressionHead two = RegressionHead.create(2);
        float[] fromWidth = new float[4];
        two.readTargets(HeadTestSupport.floatRows(2, 1, 2, 3, 4), fromWidth);
        assertArrayEquals(new float[] {1, 2, 3, 4}, fromWidth);
        float[] fromColumns = new float[4];
        two.readTargets(
                HeadTestSupport.batch(HeadTestSupport.floatColumn("a", 1, 3), HeadTestSupport.floatColumn("b", 2, 4)),
                fromColumns);
        assertArrayEquals(new float[] {1, 2, 3, 4}, fromColumns);
        assertThrows(IllegalArgumentException.class, () -> two.readTargets(HeadTestSupport.floats(1, 2), new float[4]));
        Prediction p = two.predict(new float[] {1, 2, 3, 4}, 1);
        assertArrayEquals(new float[] {3, 4}, p.predictions());
        assertNull(p.logits());
        // r2 averages the outputs: output 0 perfect (1), output 1 predicts its mean (0)
        EvalMetrics m = two.newEvalMetrics();
        m.update(new float[] {1, 5, 3, 5}, new float[] {1, 4, 3, 6}, null, 2, 0);
        assertEquals(0.5, m.results().get("r2"), 1e-12);
    }

    @Test
    void labelTypesAndErrors() {
        float[] t = new float[2];
        head.readTargets(HeadTestSupport.doubles(1.5, -2), t);
        assertArrayEquals(new float[] {1.5f, -2}, t);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> head.readTargets(
                        HeadTestSupport.floatsWithMissing(new float[] {1, 0, 0}, new boolean[] {false, false, true}),
                        new float[3]));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> head.readTargets(HeadTestSupport.strings("1.5"), new float[1]));
        assertTrue(e.getMessage().contains("float32, float64 or int64"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RegressionHead.create(0));
    }
}
