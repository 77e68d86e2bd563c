package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aKnownTotalGivesPercentAndEta() {
        // 1,000 steps of 32 rows in 10 s from step 200: 100 steps/s, 3,200 examples/s; 2,800 steps left: 28 s.
        assertEquals(
                "step 1,200/4,000   30%  ETA 0:00:28  3,200 examples/s  loss 0.1235",
                new ProgressLine(1200, 200, 4000, 10 * SECOND, 32, 0.12345).text());
    }

    @Test
    void anUnknownTotalShowsTheStepAlone() {
        assertEquals(
                "step 500  1,600 examples/s  loss 0.4000", new ProgressLine(500, 0, 0, 10 * SECOND, 32, 0.4).text());
        assertEquals(
                "step 5,000  1,600 examples/s  loss 0.4000",
                new ProgressLine(5000, 4500, 4000, 10 * SECOND, 32, 0.4).text(),
                "past an estimated total");
    }

    @Test
    void beforeAnyRateOrLossThereAreDashes() {
        assertEquals(
                "step 0/10    0%  ETA -  - examples/s  loss -", new ProgressLine(0, 0, 10, 0, 32, Double.NaN).text());
    }

    @Test
    void longEtasCountHours() {
        assertEquals("2:03:04", ProgressLine.duration(2 * 3600 + 3 * 60 + 4));
    }
}
