package org.estimator4j.estimators.head;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The weighted counts behind the heads' and the built-in metrics' accuracy, precision, recall and f1. */
class ClassificationCountsTest {
    @Test
    void confusionRatiosFromWeightedCounts() {
        ConfusionCounts c = new ConfusionCounts();
        c.add(true, true, 2); // tp 2
        c.add(true, false, 1); // fp 1
        c.add(false, true, 0.5); // fn 0.5
        c.add(false, false, 4); // tn, counted in the total only
        assertEquals(7.5, c.total());
        assertEquals(2.0 / 3, c.precision());
        assertEquals(2 / 2.5, c.recall());
        assertEquals(4 / 5.5, c.f1());
    }

    @Test
    void zeroDenominatorsGiveZeroAsDivNoNan() {
        ConfusionCounts c = new ConfusionCounts();
        c.add(false, false, 1);
        assertEquals(0, c.precision());
        assertEquals(0, c.recall());
        assertEquals(0, c.f1());
        assertEquals(0, new AccuracyCounts().accuracy());
    }

    @Test
    void mergingPartsEqualsCountingThemTogether() {
        AccuracyCounts all = new AccuracyCounts();
        AccuracyCounts first = new AccuracyCounts();
        AccuracyCounts second = new AccuracyCounts();
        float[] predicted = {1, 0, 2, 1, 0};
        float[] labels = {1, 1, 2, 0.3f, 0};
        double[] weights = {0.5, 1, 2, 3, 0.25};
        for (int i = 0; i < predicted.length; i++) {
            all.add(predicted[i], labels[i], weights[i]);
            (i < 2 ? first : second).add(predicted[i], labels[i], weights[i]);
        }
        first.merge(second);
        assertEquals(all.accuracy(), first.accuracy());
        assertEquals((0.5 + 2 + 0.25) / 6.75, all.accuracy()); // the soft label 0.3 never matches
        all.reset();
        assertEquals(0, all.total());
    }

    @Test
    void argmaxTakesTheFirstOnTies() {
        assertEquals(1, AccuracyCounts.argmax(new float[] {9, 0, 3, 3, 1}, 1, 4)); // row [0, 3, 3, 1]
        assertEquals(0, AccuracyCounts.argmax(new float[] {2, 2, 1}, 0, 3));
        assertEquals(2, AccuracyCounts.argmax(new float[] {0, 1, 5}, 0, 3));
    }
}
