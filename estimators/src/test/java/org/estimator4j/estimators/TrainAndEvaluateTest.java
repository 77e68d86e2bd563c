package org.estimator4j.estimators;

import static org.estimator4j.estimators.TinyClassification.classifier;
import static org.estimator4j.estimators.TinyClassification.input;
import static org.estimator4j.estimators.TinyClassification.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.estimators.TrainAndEvaluate.Evaluation;
import org.estimator4j.estimators.checkpoint.Checkpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainAndEvaluateTest {
    @TempDir
    Path dir;

    private static final InputFn TRAIN = input(rows(500, 1));
    private static final InputFn EVAL = input(rows(300, 2));

    private static TrainSpec train(long maxSteps) {
        return TrainSpec.builder(TRAIN).steps(Steps.max(maxSteps)).build();
    }

    private static List<Long> steps(TrainAndEvaluate.Result r) {
        return r.evaluations().stream().map(Evaluation::globalStep).toList();
    }

    /** The bundle directories in {@code dir}, by name. */
    private static List<String> bundles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void callbacksHearEveryEvaluationAndCanStopOnIt() {
        ModelEstimator model = classifier(dir.resolve("watched"), 1000);
        List<Long> heard = new ArrayList<>();
        org.estimator4j.spi.callback.Callback stopAfterSecond = new org.estimator4j.spi.callback.Callback() {
            @Override
            public void onEvaluation(
                    org.estimator4j.spi.callback.TrainingContext context,
                    long step,
                    java.util.Map<String, Double> metrics) {
                assertEquals((double) step, metrics.get("global_step"));
                heard.add(step);
                if (heard.size() == 2) {
                    context.requestStop();
                }
            }
        };
        TrainSpec spec = TrainSpec.builder(TRAIN)
                .steps(Steps.max(1000))
                .callbacks(List.of(stopAfterSecond))
                .build();
        TrainAndEvaluate.Result r = TrainAndEvaluate.run(
                model, spec, EvalSpec.builder(EVAL).everySteps(40).build());
        assertEquals(List.of(40L, 80L), heard);
        assertEquals(80, model.globalStep());
        assertEquals(List.of(40L, 80L), steps(r));
    }

    @Test
    void evaluatesAtEveryMultipleOfNStepsAndAtTheEnd() {
        ModelEstimator model = classifier(dir.resolve("m"), 1000);
        EvalSpec eval = EvalSpec.builder(EVAL).everySteps(50).build();
        List<Long> heard = new ArrayList<>();
        TrainAndEvaluate.Result first = TrainAndEvaluate.run(model, train(230), eval, e -> heard.add(e.globalStep()));
        assertEquals(List.of(50L, 100L, 150L, 200L, 230L), steps(first));
        assertEquals(steps(first), heard);
        for (Evaluation e : first.evaluations()) {
            // Each evaluation saw the checkpoint saved for it, not the previous scheduled one.
            assertEquals(e.globalStep(), e.result().metric("global_step"));
        }
        assertEquals(230, model.globalStep());

        // Resumed: the schedule stays on multiples of 50, and an evaluation at the last step is not repeated.
        TrainAndEvaluate.Result resumed = TrainAndEvaluate.run(classifier(dir.resolve("m"), 1000), train(300), eval);
        assertEquals(List.of(250L, 300L), steps(resumed));
    }

    @Test
    void onlyTheBestBundleRemainsAndItHoldsTheBestCheckpoint() throws IOException {
        ModelEstimator model = classifier(dir.resolve("m"), 1000);
        Path exportDir = dir.resolve("export");
        TrainAndEvaluate.Result r = TrainAndEvaluate.run(
                model,
                train(200),
                EvalSpec.builder(EVAL)
                        .everySteps(20)
                        .exportDir(exportDir)
                        .exportLatest(true)
                        .build());
        assertEquals(10, r.evaluations().size());
        Evaluation best = r.evaluations().stream()
                .min(Comparator.comparingDouble(e -> e.result().metric("loss")))
                .orElseThrow();
        assertEquals(best.globalStep(), r.best().globalStep());
        assertEquals(exportDir.resolve("best").resolve(Long.toString(best.globalStep())), r.bestExport());
        assertEquals(List.of(Long.toString(best.globalStep())), bundles(exportDir.resolve("best")));
        assertEquals(
                best.globalStep(),
                Checkpoints.read(r.bestExport().resolve("variables.e4j")).globalStep());
        assertTrue(r.evaluations().get(0).newBest());
        assertEquals(List.of("200"), bundles(exportDir.resolve("latest")));
        assertEquals(exportDir.resolve("latest/200"), r.latestExport());
    }

    @Test
    void aLaterWorseEvaluationDoesNotReplaceTheBestExport() throws IOException {
        // "Higher loss is better": the untrained model's first evaluation is the best, and every later one is worse.
        ModelEstimator model = classifier(dir.resolve("m"), 1000);
        TrainAndEvaluate.Result r = TrainAndEvaluate.run(
                model,
                train(120),
                EvalSpec.builder(EVAL).everySteps(20).bestMetric("loss", true).build());
        Evaluation best = r.evaluations().stream()
                .max(Comparator.comparingDouble(e -> e.result().metric("loss")))
                .orElseThrow();
        assertNotEquals(120, best.globalStep(), "the test needs a best evaluation before the last one");
        assertEquals(best.globalStep(), r.best().globalStep());
        assertEquals(List.of(Long.toString(best.globalStep())), bundles(dir.resolve("m/export/best")));
        assertEquals(dir.resolve("m/export/best/" + best.globalStep()), r.bestExport());
        assertNull(r.latestExport());
    }

    @Test
    void aResumedRunKeepsTheBetterExportOfAnEarlierRun() throws IOException {
        Path modelDir = dir.resolve("m");
        EvalSpec eval = EvalSpec.builder(EVAL).everySteps(50).build();
        TrainAndEvaluate.Result first = TrainAndEvaluate.run(classifier(modelDir, 1000), train(200), eval);
        double bestLoss = first.best().metric("loss");

        // Leftovers of a process killed between an export and its record are not bundles to keep; other files stay.
        Files.createDirectories(modelDir.resolve("export/best/999"));
        Files.createDirectories(modelDir.resolve("export/best/export-123"));
        Files.writeString(modelDir.resolve("export/best/notes.txt"), "mine");

        // A new process trains on flipped labels: every evaluation gets worse than the earlier best.
        TrainSpec flipped = TrainSpec.builder(input(rows(500, 1, true)))
                .steps(Steps.max(400))
                .build();
        TrainAndEvaluate.Result second = TrainAndEvaluate.run(classifier(modelDir, 1000), flipped, eval);
        assertEquals(List.of(250L, 300L, 350L, 400L), steps(second));
        for (Evaluation e : second.evaluations()) {
            assertTrue(e.result().metric("loss") > bestLoss, e.result().metrics() + " vs " + bestLoss);
            assertFalse(e.newBest());
        }
        assertEquals(first.best().globalStep(), second.best().globalStep());
        assertEquals(bestLoss, second.best().metric("loss"));
        assertEquals(first.bestExport(), second.bestExport());
        assertEquals(
                List.of(Long.toString(first.best().globalStep()), "notes.txt"),
                bundles(modelDir.resolve("export/best")));

        JsonNode record = new ObjectMapper()
                .readTree(modelDir.resolve(TrainAndEvaluate.BEST_EXPORT_FILE).toFile());
        assertEquals(first.best().globalStep(), record.get("global_step").asLong());
        assertEquals(bestLoss, record.get("value").asDouble());
        assertEquals("loss", record.get("metric").asText());

        // Comparing by another metric against that record is refused before any training.
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> TrainAndEvaluate.run(
                        classifier(modelDir, 1000),
                        train(500),
                        EvalSpec.builder(EVAL).bestMetric("auc").build()));
        assertTrue(
                e.getMessage().contains("'loss' (lower is better)")
                        && e.getMessage().contains("'auc' (higher"),
                e.getMessage());
        assertEquals(400, classifier(modelDir, 1000).globalStep());
    }

    @Test
    void aFailedEvaluationStopsTrainingWithTheCheckpointItSaved() {
        Path modelDir = dir.resolve("m");
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> TrainAndEvaluate.run(
                        classifier(modelDir, 1000),
                        train(200),
                        EvalSpec.builder(EVAL)
                                .everySteps(50)
                                .bestMetric("no_such_metric", true)
                                .build()));
        assertTrue(e.getMessage().contains("no metric 'no_such_metric'"), e.getMessage());
        assertEquals(50, classifier(modelDir, 1000).globalStep());
        assertFalse(Files.exists(modelDir.resolve("export/best")));
    }
}
