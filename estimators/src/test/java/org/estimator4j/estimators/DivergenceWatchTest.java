package org.estimator4j.estimators;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The divergence rule: the smoothed loss against the larger of the first loss and the loss of logit 0. */
class DivergenceWatchTest {
    @Test
    void aLossThatRunsAwayIsReportedOnce() {
        DivergenceWatch watch = new DivergenceWatch();
        watch.start(1, 0.69, 0.69);
        for (int step = 2; step <= 100; step++) {
            watch.add(5_000 + step); // FTRL at learning rate 1e6: the loss jumps from 0.69 to thousands
        }
        String warning = watch.check(100);
        assertNotNull(warning);
        assertTrue(warning.contains("training is diverging"), warning);
        assertTrue(warning.contains("lower the learning rate"), warning);
        assertNull(watch.check(200), "once per train call");
    }

    @Test
    void aLearningOrNoisyLossIsNot() {
        DivergenceWatch learning = new DivergenceWatch();
        learning.start(1, 0.9, 0.69);
        for (int step = 2; step <= 1000; step++) {
            learning.add(0.3 + (step % 7 == 0 ? 3.0 : 0)); // lower than the start, with spikes of 10x the mean
        }
        assertNull(learning.check(1000));

        // A resumed, well-trained model's first batch happens to be easy: the reference is still the loss of
        // predicting logit 0, so an ordinary loss afterwards is not divergence.
        DivergenceWatch resumed = new DivergenceWatch();
        resumed.start(5001, 0.001, 0.69);
        for (int step = 5002; step <= 5200; step++) {
            resumed.add(0.35);
        }
        assertNull(resumed.check(5200));
    }
}
