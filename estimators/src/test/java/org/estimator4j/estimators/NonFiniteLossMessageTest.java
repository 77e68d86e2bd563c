package org.estimator4j.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.input.Mode;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.estimators.checkpoint.Checkpoints;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run that hits a NaN loss says about the checkpoint it leaves: the truth, and what to do next. */
class NonFiniteLossMessageTest {
    private static final Schema SCHEMA =
            Schema.of(Field.scalar("size", DType.FLOAT32), Field.scalar("label", DType.STRING));

    @TempDir
    Path dir;

    private static ModelEstimator classifier(Path modelDir) {
        // Non-finite inputs are refused before they reach a model, so the NaN loss comes from the model's arithmetic:
        // the normalizer turns sizes of 1e10 into infinities (infinity times a weight, against mixed labels, is NaN).
        return LinearClassifier.builder(List.of(
                        FeatureColumns.numericColumn("size", new int[] {1}, null, Normalizer.standardize(0, 1e-30))))
                .labelVocabulary(List.of("no", "yes"))
                .runConfig(RunConfig.builder()
                        .modelDir(modelDir)
                        .saveCheckpointsSteps(1000)
                        .build())
                .build();
    }

    /**
     * Sizes in [0, 2e-30) (normalized: [0, 2)), label "yes" above the middle; when {@code overflowing}, every size is
     * 1e10 (normalized: infinity) and the labels alternate.
     */
    private static InputFn input(boolean overflowing) {
        SplittableRandom r = new SplittableRandom(1);
        List<Example> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            double size = r.nextDouble() * 2;
            rows.add(Example.builder(SCHEMA)
                    .set("size", overflowing ? 1e10f : (float) (size * 1e-30))
                    .set("label", (overflowing ? i % 2 == 1 : size > 1) ? "yes" : "no")
                    .build());
        }
        return mode -> {
            Dataset<Example> d = Dataset.fromIterable(rows);
            if (mode == Mode.TRAIN) {
                d = d.repeat();
            }
            return d.batch(32, false, Batch::of).map(b -> LabeledBatch.split(b, List.of("label")));
        };
    }

    @Test
    void aNaNLossBeforeAnyCheckpointSaysNoneWasWritten() {
        ModelEstimator model = classifier(dir.resolve("fresh"));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> model.train(input(true), Steps.of(50), List.of()));
        String message = e.getMessage();
        assertTrue(message.contains("the training loss became NaN at step 1"), message);
        assertTrue(message.contains("no checkpoint was written yet"), message);
        assertFalse(message.contains("intact"), message);
        assertTrue(message.contains("lower the learning rate"), message);
        assertEquals(0, model.globalStep());
    }

    @Test
    void aNaNLossAfterACheckpointNamesItsStepAndFile() {
        Path modelDir = dir.resolve("resumed");
        classifier(modelDir).train(input(false), Steps.of(20), List.of());
        ModelEstimator model = classifier(modelDir);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> model.train(input(true), Steps.of(50), List.of()));
        String message = e.getMessage();
        assertTrue(message.contains("the training loss became NaN at step 21"), message);
        assertTrue(
                message.contains("the last checkpoint is step 20 (" + Checkpoints.file(modelDir, 20) + ")"), message);
        assertTrue(message.contains("resumes from it"), message);
        assertEquals(20, model.globalStep());
    }
}
