package org.estimator4j.estimators;

import static org.estimator4j.estimators.TinyClassification.classifier;
import static org.estimator4j.estimators.TinyClassification.input;
import static org.estimator4j.estimators.TinyClassification.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.estimators.checkpoint.Checkpoints;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.TrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCallbackTest {
    @TempDir
    Path dir;

    /** Records every call as "name:method:step:globalStep". */
    private record Recorder(String name, List<String> events) implements Callback {
        @Override
        public void onTrainBegin(TrainingContext context) {
            events.add(name + ":begin:" + context.globalStep());
        }

        @Override
        public void onStepBegin(TrainingContext context, long step) {
            events.add(name + ":stepBegin:" + step + ":" + context.globalStep());
        }

        @Override
        public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
            double loss = logs.get("loss");
            assertTrue(loss > 0 && loss < 10, "loss " + loss);
            events.add(name + ":stepEnd:" + step + ":" + context.globalStep());
        }

        @Override
        public void onTrainEnd(TrainingContext context) {
            events.add(name + ":end:" + context.globalStep());
        }
    }

    @Test
    void callbacksRunInOrderAroundEveryStep() {
        ModelEstimator model = classifier(dir.resolve("m"), 100);
        model.train(input(rows(100, 1)), Steps.of(4));
        List<String> events = new ArrayList<>();
        model.train(input(rows(100, 1)), Steps.of(2), List.of(new Recorder("a", events), new Recorder("b", events)));
        assertEquals(
                List.of(
                        "a:begin:4",
                        "b:begin:4",
                        "a:stepBegin:5:4",
                        "b:stepBegin:5:4",
                        "a:stepEnd:5:5",
                        "b:stepEnd:5:5",
                        "a:stepBegin:6:5",
                        "b:stepBegin:6:5",
                        "a:stepEnd:6:6",
                        "b:stepEnd:6:6",
                        "a:end:6",
                        "b:end:6"),
                events);

        events.clear();
        model.train(input(rows(100, 1)), Steps.max(6), List.of(new Recorder("a", events)));
        assertEquals(List.of("a:begin:6", "a:end:6"), events, "nothing to train still begins and ends");
    }

    @Test
    void requestStopEndsTrainingAfterTheCurrentStepAndSavesACheckpoint() {
        Path modelDir = dir.resolve("stop");
        long[] seenAtEnd = {-1};
        Callback stopAt37 = new Callback() {
            @Override
            public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
                if (step == 37) {
                    context.requestStop();
                }
            }

            @Override
            public void onTrainEnd(TrainingContext context) {
                seenAtEnd[0] = context.globalStep();
            }
        };
        classifier(modelDir, 100).train(input(rows(200, 1)), Steps.of(500), List.of(stopAt37));
        assertEquals(37, seenAtEnd[0]);
        assertEquals(37, classifier(modelDir, 100).globalStep());
        assertTrue(Files.isRegularFile(modelDir.resolve("ckpt-37.e4j")));
    }

    @Test
    void saveCheckpointWritesTheCurrentVariablesNow() {
        Path modelDir = dir.resolve("save");
        List<Long> saved = new ArrayList<>();
        Callback saveAt30 = new Callback() {
            @Override
            public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
                if (step == 30) {
                    assertEquals(modelDir, context.modelDir());
                    saved.add(context.saveCheckpoint());
                    saved.add(context.saveCheckpoint()); // the same step again: nothing new to write
                    // Another estimator object sees it, as an evaluation would.
                    saved.add(classifier(modelDir, 100).globalStep());
                }
            }
        };
        classifier(modelDir, 100).train(input(rows(200, 1)), Steps.of(40), List.of(saveAt30));
        assertEquals(List.of(30L, 30L, 30L), saved);
        assertEquals(2, new Checkpoints(modelDir, 100).list().size()); // step 30, and the final one at 40
        assertEquals(30, Checkpoints.read(modelDir.resolve("ckpt-30.e4j")).globalStep());
    }

    /** Fails at one global step. */
    static final class ThrowAt implements Callback {
        final long step;
        final RuntimeException error = new IllegalArgumentException("boom");

        ThrowAt(long step) {
            this.step = step;
        }

        @Override
        public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
            if (step == this.step) {
                throw error;
            }
        }
    }

    @Test
    void aFailingCallbackEndsTrainingNamingItAndKeepsTheLastCheckpoint() {
        Path modelDir = dir.resolve("fail");
        classifier(modelDir, 50).train(input(rows(200, 1)), Steps.of(100));
        ThrowAt throwing = new ThrowAt(170);
        List<String> after = new ArrayList<>();
        Callback next = new Callback() {
            @Override
            public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
                after.add("step " + step);
            }

            @Override
            public void onTrainEnd(TrainingContext context) {
                after.add("end");
            }
        };
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> classifier(modelDir, 50).train(input(rows(200, 1)), Steps.of(100), List.of(throwing, next)));
        assertTrue(e.getMessage().contains(ThrowAt.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("onStepEnd at global step 170"), e.getMessage());
        assertTrue(e.getMessage().contains("last checkpoint is step 150 ("), e.getMessage());
        assertSame(throwing.error, e.getCause());
        assertEquals("step 169", after.get(after.size() - 1), "later callbacks do not run after the failure");

        // The schedule saved step 150; nothing was written at or after the failure.
        ModelEstimator restored = classifier(modelDir, 50);
        assertEquals(150, restored.globalStep());
        assertFalse(Files.exists(modelDir.resolve("ckpt-170.e4j")));
        assertEquals(150.0, restored.evaluate(input(rows(100, 2))).metric("global_step"));
        restored.train(input(rows(200, 1)), Steps.of(10));
        assertEquals(160, restored.globalStep());
    }
}
