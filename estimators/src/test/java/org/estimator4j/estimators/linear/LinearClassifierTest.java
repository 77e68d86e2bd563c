package org.estimator4j.estimators.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.EvalResult;
import org.estimator4j.api.estimator.Prediction;
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
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearClassifierTest {
    @TempDir
    Path dir;

    private static final Schema SCHEMA = Schema.of(
            Field.scalar("color", DType.STRING),
            Field.scalar("size", DType.FLOAT32),
            Field.scalar("label", DType.STRING));

    /** "yes" exactly when the color is red or the size is above 1: learnable by a linear model. */
    private static List<Example> rows(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] colors = {"red", "green", "blue"};
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String color = colors[r.nextInt(3)];
            float size = (float) (r.nextDouble() * 2);
            boolean yes = color.equals("red") || size > 1.5;
            out.add(Example.builder(SCHEMA)
                    .set("color", color)
                    .set("size", size)
                    .set("label", yes ? "yes" : "no")
                    .build());
        }
        return out;
    }

    private static InputFn input(List<Example> rows) {
        return mode -> {
            Dataset<Example> d = Dataset.fromIterable(rows);
            if (mode == Mode.TRAIN) {
                d = d.shuffle(1000, 7).repeat();
            }
            List<String> drop = mode == Mode.PREDICT ? List.of("label") : List.of();
            List<String> labels = mode == Mode.PREDICT ? List.of() : List.of("label");
            return d.batch(32, false, Batch::of).map(b -> LabeledBatch.split(b.drop(drop), labels));
        };
    }

    private static final List<FeatureColumn> COLUMNS = List.of(
            FeatureColumns.categoricalColumnWithVocabularyList("color", List.of("red", "green", "blue")),
            FeatureColumns.bucketizedColumn(FeatureColumns.numericColumn("size"), 0.5f, 1f, 1.5f));

    private ModelEstimator classifier(Path modelDir) {
        return LinearClassifier.builder(COLUMNS)
                .labelVocabulary(List.of("no", "yes"))
                .runConfig(RunConfig.builder()
                        .modelDir(modelDir)
                        .saveCheckpointsSteps(100)
                        .build())
                .build();
    }

    @Test
    void trainsEvaluatesAndPredictsWithTensorFlowsMetricNames() {
        ModelEstimator model = classifier(dir.resolve("m"));
        model.train(input(rows(2000, 1)), Steps.of(500));
        assertEquals(500, model.globalStep());
        EvalResult eval = model.evaluate(input(rows(1000, 2)));
        assertTrue(eval.metric("accuracy") > 0.97, eval.metrics().toString());
        assertTrue(eval.metric("auc") > 0.97, eval.metrics().toString());
        for (String name : List.of(
                "accuracy_baseline",
                "auc_precision_recall",
                "average_loss",
                "loss",
                "label/mean",
                "prediction/mean",
                "precision",
                "recall",
                "global_step")) {
            assertNotNull(eval.metrics().get(name), name + " in " + eval.metrics());
        }
        assertEquals(500.0, eval.metric("global_step"));

        List<Prediction> predictions = model.predict(input(rows(10, 3)));
        assertEquals(10, predictions.size());
        Prediction p = predictions.get(0);
        assertEquals(1, p.logits().length);
        assertTrue(p.classes()[0].equals("yes") || p.classes()[0].equals("no"));
    }

    @Test
    void trainingResumesFromTheLatestCheckpointAndMaxStepsIsAbsolute() {
        Path modelDir = dir.resolve("resume");
        classifier(modelDir).train(input(rows(500, 1)), Steps.of(150));
        ModelEstimator again = classifier(modelDir); // a new object, as in a new process
        assertEquals(150, again.globalStep());
        again.train(input(rows(500, 1)), Steps.of(50));
        assertEquals(200, again.globalStep());
        again.train(input(rows(500, 1)), Steps.max(120)); // already past: nothing to do
        assertEquals(200, again.globalStep());
        again.train(input(rows(500, 1)), Steps.max(260));
        assertEquals(260, again.globalStep());
    }

    @Test
    void sameSeedAndDataGiveBitwiseIdenticalModels() throws IOException {
        ModelEstimator a = classifier(dir.resolve("a"));
        ModelEstimator b = classifier(dir.resolve("b"));
        a.train(input(rows(500, 1)), Steps.of(100));
        b.train(input(rows(500, 1)), Steps.of(100));
        assertEquals(Files.mismatch(dir.resolve("a/ckpt-100.e4j"), dir.resolve("b/ckpt-100.e4j")), -1L);
    }

    @Test
    void aModelDirOfAnotherModelIsRefused() {
        Path modelDir = dir.resolve("other");
        classifier(modelDir).train(input(rows(100, 1)), Steps.of(10));
        ModelEstimator different = LinearClassifier.builder(COLUMNS.subList(0, 1))
                .labelVocabulary(List.of("no", "yes"))
                .runConfig(RunConfig.builder().modelDir(modelDir).build())
                .build();
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> different.train(input(rows(100, 1)), Steps.of(10)));
        assertTrue(e.getMessage().contains("holds a different model"), e.getMessage());
    }

    @Test
    void evaluatingBeforeTrainingSaysToTrainFirst() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> classifier(dir.resolve("empty")).evaluate(input(rows(10, 1))));
        assertTrue(e.getMessage().contains("train the model first"), e.getMessage());
    }

    @Test
    void exportWritesABundleWithTheModelDescriptionAndVariables() {
        ModelEstimator model = classifier(dir.resolve("exp"));
        model.train(input(rows(200, 1)), Steps.of(20));
        Path bundle = model.export(dir.resolve("export"));
        assertEquals("20", bundle.getFileName().toString());
        assertTrue(Files.isRegularFile(bundle.resolve("model.json")));
        assertTrue(Files.isRegularFile(bundle.resolve("variables.e4j")));
    }

    @Test
    void aFailureMidTrainingLeavesTheLastCheckpointIntact() {
        Path modelDir = dir.resolve("crash");
        classifier(modelDir).train(input(rows(500, 1)), Steps.of(100));
        List<Example> bad = new ArrayList<>(rows(500, 2));
        bad.set(
                300,
                Example.builder(SCHEMA)
                        .set("color", "red")
                        .set("size", 1f)
                        .set("label", "maybe")
                        .build());
        InputFn failing = mode ->
                Dataset.fromIterable(bad).batch(32, false, Batch::of).map(b -> LabeledBatch.split(b, List.of("label")));
        assertThrows(IllegalArgumentException.class, () -> classifier(modelDir).train(failing, Steps.of(50)));
        assertEquals(100, classifier(modelDir).globalStep());
    }

    @Test
    void warmStartCarriesTrainedVariablesIntoANewModelWithMoreColumns() {
        ModelEstimator source = classifier(dir.resolve("source"));
        source.train(input(rows(2000, 1)), Steps.of(500));
        double trained = source.evaluate(input(rows(1000, 2))).metric("average_loss");

        List<FeatureColumn> more = new ArrayList<>(COLUMNS); // a new column the source model does not have
        more.add(FeatureColumns.crossedColumn(
                List.of("color", FeatureColumns.bucketizedColumn(FeatureColumns.numericColumn("size"), 1f)), 20));
        ModelEstimator warm = LinearClassifier.builder(more)
                .labelVocabulary(List.of("no", "yes"))
                .warmStartFrom(dir.resolve("source"))
                .runConfig(RunConfig.builder().modelDir(dir.resolve("warm")).build())
                .build();
        ModelEstimator cold = LinearClassifier.builder(more)
                .labelVocabulary(List.of("no", "yes"))
                .runConfig(RunConfig.builder().modelDir(dir.resolve("cold")).build())
                .build();
        warm.train(input(rows(2000, 3)), Steps.of(1));
        cold.train(input(rows(2000, 3)), Steps.of(1));
        double warmLoss = warm.evaluate(input(rows(1000, 2))).metric("average_loss");
        double coldLoss = cold.evaluate(input(rows(1000, 2))).metric("average_loss");
        assertTrue(warmLoss < trained + 0.05, "warm " + warmLoss + " vs trained source " + trained);
        assertTrue(warmLoss < coldLoss - 0.2, "warm " + warmLoss + " vs cold " + coldLoss);
    }
}
