package org.estimator4j.estimators;

import static org.estimator4j.estimators.TinyClassification.classifier;
import static org.estimator4j.estimators.TinyClassification.input;
import static org.estimator4j.estimators.TinyClassification.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
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
import org.estimator4j.estimators.TrainAndEvaluate.Evaluation;
import org.estimator4j.estimators.builtin.callback.BackupAndRestoreProvider;
import org.estimator4j.estimators.builtin.callback.CsvLoggerProvider;
import org.estimator4j.estimators.builtin.callback.EarlyStoppingProvider;
import org.estimator4j.estimators.builtin.callback.LearningRateSchedulerProvider;
import org.estimator4j.estimators.builtin.callback.ModelCheckpointProvider;
import org.estimator4j.estimators.builtin.callback.ProgressBarProvider;
import org.estimator4j.estimators.builtin.callback.ReduceLrOnPlateauProvider;
import org.estimator4j.estimators.builtin.callback.TerminateOnNanProvider;
import org.estimator4j.estimators.checkpoint.Checkpoints;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.Normalizer;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.CallbackProvider;
import org.estimator4j.spi.callback.TrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in callbacks, created through their providers, in real training of a small linear classifier. */
class BuiltinCallbacksTest {
    @TempDir
    Path dir;

    private static final InputFn TRAIN = input(rows(500, 1));
    private static final InputFn EVAL = input(rows(300, 2));

    private static Callback create(CallbackProvider provider, Object... overrides) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec p : provider.parameters()) {
            values.put(p.name(), p.defaultValue());
        }
        for (int i = 0; i < overrides.length; i += 2) {
            assertTrue(values.containsKey((String) overrides[i]), "no parameter " + overrides[i]);
            values.put((String) overrides[i], overrides[i + 1]);
        }
        return provider.create(new Parameters(values));
    }

    private static TrainAndEvaluate.Result trainAndEvaluate(
            ModelEstimator model, long maxSteps, long everySteps, Callback... callbacks) {
        return trainAndEvaluate(model, TRAIN, EVAL, maxSteps, everySteps, callbacks);
    }

    private static TrainAndEvaluate.Result trainAndEvaluate(
            ModelEstimator model, InputFn train, InputFn eval, long maxSteps, long everySteps, Callback... callbacks) {
        TrainSpec spec = TrainSpec.builder(train)
                .steps(Steps.max(maxSteps))
                .callbacks(List.of(callbacks))
                .build();
        return TrainAndEvaluate.run(
                model, spec, EvalSpec.builder(eval).everySteps(everySteps).build());
    }

    private static List<Long> steps(TrainAndEvaluate.Result r) {
        return r.evaluations().stream().map(Evaluation::globalStep).toList();
    }

    /** What the loop showed callbacks: the multiplier before each step and at each evaluation, each step's loss. */
    private static final class Recorder implements Callback {
        final Map<Long, Double> multiplierAtStep = new TreeMap<>();
        final Map<Long, Double> lossAtStep = new TreeMap<>();
        final List<Double> multiplierAtEvaluation = new ArrayList<>();

        @Override
        public void onStepBegin(TrainingContext context, long step) {
            multiplierAtStep.put(step, context.learningRateMultiplier());
        }

        @Override
        public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
            lossAtStep.put(step, logs.get("loss"));
        }

        @Override
        public void onEvaluation(TrainingContext context, long step, Map<String, Double> metrics) {
            multiplierAtEvaluation.add(context.learningRateMultiplier());
        }
    }

    // A classifier on the raw size (no buckets), so that a NaN size reaches the logits.
    private static final Schema SCHEMA = Schema.of(
            Field.scalar("color", DType.STRING),
            Field.scalar("size", DType.FLOAT32),
            Field.scalar("label", DType.STRING));

    private static ModelEstimator numericClassifier(Path modelDir, int keepCheckpointMax) {
        return numericClassifier(modelDir, keepCheckpointMax, Normalizer.none());
    }

    /**
     * Non-finite inputs are refused before they reach a model, so a NaN loss comes from the model's arithmetic: here a
     * normalizer that turns sizes of 1e10 into infinities (0 * infinity is NaN at the untrained size weight).
     */
    private static ModelEstimator overflowingClassifier(Path modelDir) {
        return numericClassifier(modelDir, 5, Normalizer.standardize(0, 1e-30));
    }

    private static ModelEstimator numericClassifier(Path modelDir, int keepCheckpointMax, Normalizer normalizer) {
        return LinearClassifier.builder(List.of(
                        FeatureColumns.categoricalColumnWithVocabularyList("color", List.of("red", "green", "blue")),
                        FeatureColumns.numericColumn("size", new int[] {1}, null, normalizer)))
                .labelVocabulary(List.of("no", "yes"))
                .runConfig(RunConfig.builder()
                        .modelDir(modelDir)
                        .saveCheckpointsSteps(1000)
                        .keepCheckpointMax(keepCheckpointMax)
                        .build())
                .build();
    }

    /** Rows as {@link TinyClassification#rows}. */
    private static InputFn numericInput(int n, long seed) {
        return numericInput(n, seed, null);
    }

    /** Rows as {@link TinyClassification#rows}, with every size {@code fixedSize} unless it is null. */
    private static InputFn numericInput(int n, long seed, Float fixedSize) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] colors = {"red", "green", "blue"};
        List<Example> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String color = colors[r.nextInt(3)];
            float size = (float) (r.nextDouble() * 2);
            boolean yes = color.equals("red") || size > 1.5;
            rows.add(Example.builder(SCHEMA)
                    .set("color", color)
                    .set("size", fixedSize != null ? fixedSize : size)
                    .set("label", yes ? "yes" : "no")
                    .build());
        }
        return mode -> {
            Dataset<Example> d = Dataset.fromIterable(rows);
            if (mode == Mode.TRAIN) {
                d = d.shuffle(1000, 7).repeat();
            }
            return d.batch(32, false, Batch::of).map(b -> LabeledBatch.split(b, List.of("label")));
        };
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<Long> checkpointSteps(Path modelDir) {
        return new Checkpoints(modelDir, Integer.MAX_VALUE)
                .list().stream()
                        .map(p -> Long.parseLong(p.getFileName().toString().replaceAll("ckpt-(\\d+)\\.e4j", "$1")))
                        .toList();
    }

    // --- early_stopping ---

    @Test
    void earlyStoppingStopsAfterPatienceEvaluationsWithoutImprovement() {
        // A min_delta no loss can beat: only the first evaluation improves (on nothing), so the third one stops.
        ModelEstimator model = classifier(dir.resolve("es"), 1000);
        TrainAndEvaluate.Result r = trainAndEvaluate(
                model, 1000, 20, create(new EarlyStoppingProvider(), "min_delta", 100.0, "patience", 2));
        assertEquals(List.of(20L, 40L, 60L), steps(r));
        assertEquals(60, model.globalStep());

        // A baseline never beaten does not reset the wait even on the first evaluation: the second one stops.
        ModelEstimator baseline = classifier(dir.resolve("baseline"), 1000);
        TrainAndEvaluate.Result b = trainAndEvaluate(
                baseline,
                1000,
                20,
                create(
                        new EarlyStoppingProvider(),
                        "monitor",
                        "val_auc",
                        "min_delta",
                        100.0,
                        "patience",
                        2,
                        "baseline",
                        1.01));
        assertEquals(List.of(20L, 40L), steps(b));
    }

    @Test
    void earlyStoppingFollowsTheRealEvaluationsAsKerasWould() {
        // Patience 2 and min_delta 0.01 on the evaluation loss of real training, which keeps falling by less and less:
        // replaying Keras' rule over the losses the run saw must stop exactly at its last evaluation, not before.
        ModelEstimator model = classifier(dir.resolve("es"), 1000);
        TrainAndEvaluate.Result r = trainAndEvaluate(
                model,
                3000,
                10,
                create(new EarlyStoppingProvider(), "monitor", "val_loss", "patience", 2, "min_delta", 0.01));
        List<Double> losses =
                r.evaluations().stream().map(e -> e.result().metric("loss")).toList();
        assertTrue(model.globalStep() < 3000, "stopped early: " + losses);
        double best = Double.POSITIVE_INFINITY;
        int wait = 0;
        int stoppedAt = -1;
        for (int i = 0; i < losses.size() && stoppedAt < 0; i++) {
            wait++;
            if (losses.get(i) + 0.01 < best) {
                best = losses.get(i);
                wait = 0;
            } else if (wait >= 2 && i > 0) {
                stoppedAt = i;
            }
        }
        assertEquals(losses.size() - 1, stoppedAt, losses.toString());
        assertTrue(losses.size() > 3, "a plateau after some improvement: " + losses);
    }

    @Test
    void earlyStoppingExplainsWhatItCannotDo() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> create(new EarlyStoppingProvider(), "restore_best_weights", true));
        assertTrue(
                e.getMessage().contains("not supported") && e.getMessage().contains("save_best_only"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> create(new EarlyStoppingProvider(), "mode", "lowest"));

        IllegalStateException missing = assertThrows(
                IllegalStateException.class,
                () -> trainAndEvaluate(
                        classifier(dir.resolve("missing"), 1000),
                        100,
                        20,
                        create(new EarlyStoppingProvider(), "monitor", "val_f1")));
        assertTrue(
                missing.getMessage().contains("'val_f1'")
                        && missing.getMessage().contains("auc"),
                missing.getMessage());
    }

    // --- reduce_lr_on_plateau ---

    @Test
    void reduceLrOnPlateauMultipliesTheMultiplierAfterPatienceAndCoolsDown() {
        // Nothing improves after the first evaluation: reduce at the 3rd, cool down one, reduce at the 5th and 7th.
        Recorder recorder = new Recorder();
        trainAndEvaluate(
                classifier(dir.resolve("plateau"), 1000),
                70,
                10,
                create(
                        new ReduceLrOnPlateauProvider(),
                        "min_delta",
                        100.0,
                        "patience",
                        2,
                        "factor",
                        0.5,
                        "cooldown",
                        1),
                recorder);
        assertEquals(List.of(1.0, 1.0, 0.5, 0.5, 0.25, 0.25, 0.125), recorder.multiplierAtEvaluation);
        // The reduction at the evaluation of step 30 applies from step 31 on.
        assertEquals(1.0, recorder.multiplierAtStep.get(30L));
        assertEquals(0.5, recorder.multiplierAtStep.get(31L));

        Recorder floored = new Recorder();
        trainAndEvaluate(
                classifier(dir.resolve("floored"), 1000),
                70,
                10,
                create(
                        new ReduceLrOnPlateauProvider(),
                        "min_delta",
                        100.0,
                        "patience",
                        2,
                        "factor",
                        0.5,
                        "cooldown",
                        1,
                        "min_lr_multiplier",
                        0.3),
                floored);
        assertEquals(List.of(1.0, 1.0, 0.5, 0.5, 0.3, 0.3, 0.3), floored.multiplierAtEvaluation);

        assertThrows(IllegalArgumentException.class, () -> create(new ReduceLrOnPlateauProvider(), "factor", 1.0));
    }

    // --- learning_rate_scheduler ---

    private void assertSchedule(String name, Callback scheduler, java.util.function.LongToDoubleFunction expected) {
        ModelEstimator model = classifier(dir.resolve(name), 1000);
        Recorder recorder = new Recorder();
        model.train(TRAIN, Steps.of(30), List.of(scheduler, recorder));
        assertEquals(30, recorder.multiplierAtStep.size());
        // Step s runs after s - 1 completed updates: Keras' optimizer.iterations.
        recorder.multiplierAtStep.forEach(
                (step, m) -> assertEquals(expected.applyAsDouble(step - 1), m, 1e-12, name + " at step " + step));
        // A resumed run continues the schedule by global step.
        Recorder resumed = new Recorder();
        model.train(TRAIN, Steps.of(5), List.of(scheduler, resumed));
        assertEquals(expected.applyAsDouble(30), resumed.multiplierAtStep.get(31L), 1e-12, name + " resumed");
    }

    @Test
    void learningRateSchedulerSetsKerasScheduleMultipliersEveryStep() {
        assertSchedule(
                "exponential",
                create(new LearningRateSchedulerProvider(), "decay_rate", 0.5, "decay_steps", 10),
                k -> Math.pow(0.5, k / 10.0));
        assertSchedule(
                "staircase",
                create(new LearningRateSchedulerProvider(), "decay_rate", 0.5, "decay_steps", 10, "staircase", true),
                k -> Math.pow(0.5, Math.floor(k / 10.0)));
        assertSchedule(
                "piecewise",
                create(
                        new LearningRateSchedulerProvider(),
                        "schedule",
                        "piecewise_constant",
                        "boundaries",
                        List.of(10, 20),
                        "values",
                        List.of(1.0, 0.5, 0.1)),
                k -> k <= 10 ? 1 : k <= 20 ? 0.5 : 0.1);
        assertSchedule(
                "cosine",
                create(
                        new LearningRateSchedulerProvider(),
                        "schedule",
                        "cosine_decay",
                        "decay_steps",
                        20,
                        "alpha",
                        0.1),
                k -> 0.9 * 0.5 * (1 + Math.cos(Math.PI * Math.min(k, 20) / 20.0)) + 0.1);

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> create(
                        new LearningRateSchedulerProvider(),
                        "schedule",
                        "piecewise_constant",
                        "boundaries",
                        List.of(10),
                        "values",
                        List.of(1.0)));
        assertTrue(e.getMessage().contains("one more value than boundaries"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> create(new LearningRateSchedulerProvider(), "schedule", "polynomial_decay"));
    }

    // --- csv_logger ---

    @Test
    void csvLoggerWritesTrainingRowsAndEvaluationRows() throws IOException {
        Path modelDir = dir.resolve("csv");
        ModelEstimator model = classifier(modelDir, 1000);
        Recorder recorder = new Recorder();
        TrainAndEvaluate.Result r =
                trainAndEvaluate(model, 60, 20, create(new CsvLoggerProvider(), "every_n_steps", 10), recorder);
        List<String> lines = Files.readAllLines(modelDir.resolve("training_log.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(List.of("step", "loss", "learning_rate_multiplier"), header.subList(0, 3));
        assertTrue(
                header.containsAll(List.of("val_loss", "val_auc", "val_accuracy", "val_global_step")),
                header.toString());
        List<String> kinds = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(header.size(), cells.length, line);
            long step = Long.parseLong(cells[0]);
            assertEquals(1.0, Double.parseDouble(cells[2]));
            if (cells[1].isEmpty()) {
                kinds.add("eval " + step);
                Evaluation e = r.evaluations().get((int) (step / 20) - 1);
                assertEquals(e.result().metric("loss"), Double.parseDouble(cells[header.indexOf("val_loss")]));
                assertEquals(e.result().metric("auc"), Double.parseDouble(cells[header.indexOf("val_auc")]));
            } else {
                kinds.add("train " + step);
                double mean = 0;
                for (long s = step - 9; s <= step; s++) {
                    mean += recorder.lossAtStep.get(s) / 10;
                }
                assertEquals(
                        mean, Double.parseDouble(cells[1]), 1e-12, "mean loss of steps " + (step - 9) + ".." + step);
                assertTrue(cells[header.indexOf("val_loss")].isEmpty());
            }
        }
        // An evaluation at step N comes before the other callbacks' end of step N (as Keras validates before
        // on_epoch_end), so its row precedes that step's training row.
        assertEquals(
                List.of(
                        "train 10",
                        "eval 20",
                        "train 20",
                        "train 30",
                        "eval 40",
                        "train 40",
                        "train 50",
                        "eval 60",
                        "train 60"),
                kinds);

        // append keeps the rows (and the wide header) of the earlier run; the default starts the file over.
        model.train(TRAIN, Steps.of(20), List.of(create(new CsvLoggerProvider(), "every_n_steps", 10, "append", true)));
        List<String> appended = Files.readAllLines(modelDir.resolve("training_log.csv"));
        assertEquals(lines.size() + 2, appended.size());
        assertEquals(lines.get(0), appended.get(0));
        assertTrue(appended.get(appended.size() - 1).startsWith("80,"), appended.get(appended.size() - 1));
        model.train(TRAIN, Steps.of(10), List.of(create(new CsvLoggerProvider(), "every_n_steps", 10)));
        List<String> restarted = Files.readAllLines(modelDir.resolve("training_log.csv"));
        assertEquals("step,loss,learning_rate_multiplier", restarted.get(0));
        assertEquals(2, restarted.size());
        assertTrue(restarted.get(1).startsWith("90,"), restarted.get(1));
    }

    // --- model_checkpoint ---

    /** Tells a callback of scripted evaluations (loss values) every 10 steps, as train-and-evaluate would. */
    private static Callback scriptedEvaluations(Callback target, double... losses) {
        return new Callback() {
            private int next;

            @Override
            public void onStepEnd(TrainingContext context, long step, Map<String, Double> logs) {
                if (step % 10 == 0 && next < losses.length) {
                    target.onEvaluation(context, step, Map.of("loss", losses[next++], "global_step", (double) step));
                }
            }
        };
    }

    @Test
    void modelCheckpointSaveBestOnlySavesOnlyWhenAnEvaluationImproves() throws IOException {
        Path modelDir = dir.resolve("best");
        Callback checkpoint = create(new ModelCheckpointProvider(), "save_best_only", true);
        // Evaluations at steps 10..50: better at 10 and 30; 40 only ties 30, which is no improvement.
        classifier(modelDir, 1000)
                .train(
                        TRAIN,
                        Steps.of(50),
                        List.of(checkpoint, scriptedEvaluations(checkpoint, 0.5, 0.6, 0.4, 0.4, 0.45)));
        assertEquals(List.of(10L, 30L, 50L), checkpointSteps(modelDir), "improvements and the final checkpoint");
        Path bestDir = modelDir.resolve(ModelCheckpointProvider.BEST_DIR);
        assertEquals(List.of("ckpt-30.e4j", "estimator.json"), files(bestDir));
        JsonNode record = new ObjectMapper()
                .readTree(modelDir.resolve(ModelCheckpointProvider.RECORD_FILE).toFile());
        assertEquals(30, record.get("global_step").asLong());
        assertEquals(0.4, record.get("value").asDouble());
        assertEquals("loss", record.get("monitor").asText());
        assertFalse(record.get("higher_is_better").asBoolean());
        assertEquals("best_checkpoint/ckpt-30.e4j", record.get("checkpoint").asText());
        // The copy is a model directory of its own: an estimator evaluates the best checkpoint from it.
        ModelEstimator best = classifier(bestDir, 1000);
        assertEquals(30, best.globalStep());
        assertEquals(30.0, best.evaluate(EVAL).metric("global_step"));

        // A resumed run compares with the recorded best: worse evaluations keep it, a better one replaces it.
        classifier(modelDir, 1000)
                .train(TRAIN, Steps.of(20), List.of(checkpoint, scriptedEvaluations(checkpoint, 0.41, 0.42)));
        assertEquals(List.of("ckpt-30.e4j", "estimator.json"), files(bestDir));
        classifier(modelDir, 1000)
                .train(TRAIN, Steps.of(10), List.of(checkpoint, scriptedEvaluations(checkpoint, 0.3)));
        assertEquals(List.of("ckpt-80.e4j", "estimator.json"), files(bestDir));

        // Monitoring another metric against that record is refused before training.
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> classifier(modelDir, 1000)
                        .train(
                                TRAIN,
                                Steps.of(10),
                                List.of(create(
                                        new ModelCheckpointProvider(), "save_best_only", true, "monitor", "auc"))));
        assertTrue(
                e.getCause().getMessage().contains("'loss' (lower is better)"),
                e.getCause().getMessage());
    }

    @Test
    void modelCheckpointKeepsTrainAndEvaluatesBestCheckpointPastRotation() throws IOException {
        // keep_checkpoint_max 1: the model directory keeps only the newest checkpoint, the copy keeps the best.
        Path modelDir = dir.resolve("rotated");
        ModelEstimator model = numericClassifier(modelDir, 1);
        TrainSpec spec = TrainSpec.builder(numericInput(500, 1))
                .steps(Steps.max(120))
                .callbacks(List.of(create(new ModelCheckpointProvider(), "save_best_only", true, "monitor", "auc")))
                .build();
        TrainAndEvaluate.Result r = TrainAndEvaluate.run(
                model,
                spec,
                EvalSpec.builder(numericInput(300, 2))
                        .everySteps(20)
                        .bestMetric("auc")
                        .build());
        long bestStep = r.best().globalStep();
        JsonNode record = new ObjectMapper()
                .readTree(modelDir.resolve(ModelCheckpointProvider.RECORD_FILE).toFile());
        assertEquals(bestStep, record.get("global_step").asLong(), "the same best as train-and-evaluate's export");
        assertEquals(r.best().metric("auc"), record.get("value").asDouble());
        assertEquals(List.of(120L), checkpointSteps(modelDir));
        assertEquals(
                bestStep,
                Checkpoints.read(Checkpoints.file(modelDir.resolve("best_checkpoint"), bestStep))
                        .globalStep());
    }

    @Test
    void modelCheckpointWithoutSaveBestOnlySavesEveryNSteps() {
        Path modelDir = dir.resolve("every");
        classifier(modelDir, 1000)
                .train(TRAIN, Steps.of(50), List.of(create(new ModelCheckpointProvider(), "every_n_steps", 15)));
        assertEquals(List.of(15L, 30L, 45L, 50L), checkpointSteps(modelDir));
    }

    // --- terminate_on_nan ---

    @Test
    void aNaNEvaluationLossIsTheEvaluationsErrorNotAResultBesideMetrics() {
        // Training sizes are 0 (the size weight stays 0); evaluation sizes overflow the normalizer: the loss is NaN.
        ModelEstimator model = overflowingClassifier(dir.resolve("nan-eval"));
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> trainAndEvaluate(
                        model,
                        numericInput(500, 1, 0f),
                        numericInput(100, 2, 1e10f),
                        100,
                        10,
                        create(new TerminateOnNanProvider())));
        assertTrue(
                e.getMessage().contains("the evaluation loss is NaN (the model's output for row 0 is NaN)"),
                e.getMessage());
        assertEquals(10, model.globalStep());
    }

    @Test
    void aNonFiniteInputIsRefusedBeforeItCanMakeTheLossNaN() {
        ModelEstimator model = numericClassifier(dir.resolve("nan-input"), 5);
        org.estimator4j.features.FeatureColumnException e = assertThrows(
                org.estimator4j.features.FeatureColumnException.class,
                () -> model.train(numericInput(100, 1, Float.NaN), Steps.of(50)));
        assertTrue(e.getMessage().contains("numeric column 'size' has the value NaN"), e.getMessage());
        assertEquals(0, model.globalStep());
    }

    @Test
    void aNaNTrainingLossIsTheLoopsErrorBeforeAnyCallbackSeesIt() {
        ModelEstimator model = overflowingClassifier(dir.resolve("nan-train"));
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> model.train(
                        numericInput(100, 1, 1e10f), Steps.of(50), List.of(create(new TerminateOnNanProvider()))));
        assertTrue(e.getMessage().contains("the training loss became NaN at step 1"), e.getMessage());
        assertEquals(0, model.globalStep(), "no checkpoint of NaN weights");
    }

    // --- backup_and_restore ---

    @Test
    void backupAndRestoreSavesEverySaveFreqStepsAndTrainingResumesFromThem() {
        Path modelDir = dir.resolve("backup");
        classifier(modelDir, 1000)
                .train(TRAIN, Steps.of(20), List.of(create(new BackupAndRestoreProvider(), "save_freq", 7)));
        assertEquals(List.of(7L, 14L, 20L), checkpointSteps(modelDir));
        ModelEstimator resumed = classifier(modelDir, 1000);
        resumed.train(TRAIN, Steps.of(1));
        assertEquals(21, resumed.globalStep());
    }

    // --- progress_bar ---

    @Test
    void progressBarReportsStepsRateLossAndEvaluations() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            trainAndEvaluate(
                    classifier(dir.resolve("progress"), 1000),
                    25,
                    20,
                    create(new ProgressBarProvider(), "every_n_steps", 10));
        } finally {
            System.setErr(saved);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.matches("(?s).*step 10  [0-9.]+ steps/s  loss [0-9.]+  elapsed 0:00:\\d\\d.*"), out);
        assertTrue(out.contains("step 20 "), out);
        assertTrue(out.contains("evaluation at step 20: accuracy "), out);
        assertTrue(out.contains("trained 25 step(s) to global step 25"), out);
        assertFalse(out.contains("step 30"), out);
    }
}
