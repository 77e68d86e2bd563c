package org.estimator4j.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.InputFn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How many batches an evaluation reads: {@code Steps} instead of a nullable count. */
class EvaluateStepsTest {
    @Test
    void evaluationReadsAtMostItsStepsInBatches_andTheWholeInputWithout(@TempDir Path dir) {
        ModelEstimator model = TinyClassification.classifier(dir, 1000);
        model.train(TinyClassification.input(TinyClassification.rows(320, 1)), Steps.of(5));
        AtomicInteger batchesRead = new AtomicInteger();
        InputFn tenBatches = mode -> TinyClassification.input(TinyClassification.rows(320, 2))
                .apply(mode)
                .map(b -> {
                    batchesRead.incrementAndGet();
                    return b;
                });

        model.evaluate(tenBatches, Steps.of(3));
        assertEquals(3, batchesRead.getAndSet(0));
        model.evaluate(tenBatches, Steps.max(4));
        assertEquals(4, batchesRead.getAndSet(0));
        model.evaluate(tenBatches);
        assertEquals(10, batchesRead.getAndSet(0));
    }

    @Test
    void evalSpecDefaultsToTheWholeInputAtTheEndOfTrainingOnly() {
        InputFn input = TinyClassification.input(TinyClassification.rows(10, 1));

        EvalSpec defaults = EvalSpec.builder(input).build();
        EvalSpec set = EvalSpec.builder(input).steps(5).everySteps(50).build();

        assertEquals(Steps.untilEndOfInput(), defaults.steps());
        assertEquals(OptionalLong.empty(), defaults.everySteps());
        assertEquals(Steps.of(5), set.steps());
        assertEquals(OptionalLong.of(50), set.everySteps());
    }
}
