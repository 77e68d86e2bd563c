package org.estimator4j.bench.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BudgetTest {
    @Test
    void countsOnlyTheMeasuredStepsExamples() {
        long[] now = {0};
        int[] steps = {0};
        // Each warm-up step takes 10 ms and processes 1 example, each later step 1 ms and 10 examples: only the
        // measured pace (10,000 examples/s) may show.
        double rate = new Budget(0.1, 0.5)
                .examplesPerSecond(
                        () -> {
                            boolean warm = now[0] >= 100_000_000L;
                            now[0] += warm ? 1_000_000L : 10_000_000L;
                            steps[0]++;
                            return warm ? 10 : 1;
                        },
                        () -> now[0]);
        assertEquals(10_000, rate, 1e-6);
        assertEquals(10 + 500, steps[0]);
    }

    @Test
    void refusesNoMeasuredTime() {
        assertThrows(IllegalArgumentException.class, () -> new Budget(1, 0));
        assertEquals(2.0, new Budget(0, 2).seconds());
    }
}
