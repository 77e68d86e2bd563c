package org.estimator4j.estimators.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LossReductionTest {
    @Test
    void sumScalesTheLossAndGradientByTheNumberOfAveragedValues() {
        float[] logits = {0.3f, -1.2f, 2.0f};
        float[] targets = {1, 0, 0};
        Head mean = Heads.binary(null);
        Head sum = LossReduction.SUM.apply(Heads.binary(null));
        float[] gMean = new float[3];
        float[] gSum = new float[3];
        double lMean = mean.lossAndGradient(logits, targets, null, 3, gMean);
        double lSum = sum.lossAndGradient(logits, targets, null, 3, gSum);
        assertEquals(3 * lMean, lSum, 1e-9);
        assertArrayEquals(new float[] {3 * gMean[0], 3 * gMean[1], 3 * gMean[2]}, gSum, 1e-6f);
        assertEquals(mean.predict(logits, 1), sum.predict(logits, 1));
    }

    @Test
    void regressionSumsOverExamplesTimesLabelDimension() {
        float[] predictions = {1, 2, 3, 4};
        float[] targets = {0, 0, 0, 0};
        float[] g = new float[4];
        double mean = Heads.regression(2).lossAndGradient(predictions, targets, null, 2, g);
        double sum = LossReduction.SUM.apply(Heads.regression(2)).lossAndGradient(predictions, targets, null, 2, g);
        assertEquals(4 * mean, sum, 1e-9);
    }

    @Test
    void theDefaultLeavesTheHeadAloneAndNamesAreTensorFlows() {
        Head h = Heads.binary(null);
        assertSame(h, LossReduction.SUM_OVER_BATCH_SIZE.apply(h));
        assertEquals(LossReduction.SUM, LossReduction.fromName("sum"));
        assertEquals("sum_over_batch_size", LossReduction.SUM_OVER_BATCH_SIZE.tfName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LossReduction.fromName("avg"));
        assertEquals("unknown loss_reduction 'avg'; use sum_over_batch_size or sum", e.getMessage());
    }
}
