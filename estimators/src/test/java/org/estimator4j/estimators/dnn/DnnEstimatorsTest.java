package org.estimator4j.estimators.dnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.estimators.optimizer.AdamOptimizer;
import org.estimator4j.estimators.serving.Predictor;
import org.estimator4j.estimators.widedeep.DNNLinearCombinedClassifier;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNNClassifier, DNNRegressor and DNNLinearCombinedClassifier end to end: on data whose label is an XOR of two
 * numbers (no linear model can fit it) plus a categorical effect, the deep models learn it and the linear one cannot;
 * training is repeatable bit for bit; bundles serve the same predictions.
 */
class DnnEstimatorsTest {
    @TempDir
    Path dir;

    private static final Schema SCHEMA = Schema.of(
            Field.scalar("x", DType.FLOAT64),
            Field.scalar("y", DType.FLOAT64),
            Field.scalar("city", DType.STRING),
            Field.scalar("label", DType.STRING),
            Field.scalar("target", DType.FLOAT32));
    private static final String[] CITIES = {"oslo", "rome", "lima", "kyiv", "doha"};

    private static List<Example> rows(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble() * 2 - 1;
            double y = r.nextDouble() * 2 - 1;
            int city = r.nextInt(CITIES.length);
            boolean yes = (x * y > 0) ^ (city == 0);
            float target = (float) (Math.sin(3 * x) + y * y + (city == 1 ? 1 : 0));
            out.add(Example.builder(SCHEMA)
                    .set("x", x)
                    .set("y", y)
                    .set("city", CITIES[city])
                    .set("label", yes ? "yes" : "no")
                    .set("target", target)
                    .build());
        }
        return out;
    }

    private static Map<String, Object> raw(Example e) {
        return Map.of("x", e.getDouble("x"), "y", e.getDouble("y"), "city", e.getString("city"));
    }

    private static InputFn input(List<Example> rows, String label) {
        return mode -> {
            Dataset<Example> d = Dataset.fromIterable(rows);
            if (mode == Mode.TRAIN) {
                d = d.shuffle(1000, 7).repeat();
            }
            List<String> other = List.of("label", "target").stream()
                    .filter(l -> !l.equals(label))
                    .toList();
            List<String> drop = new ArrayList<>(other);
            if (mode == Mode.PREDICT) {
                drop.add(label);
            }
            List<String> labels = mode == Mode.PREDICT ? List.of() : List.of(label);
            return d.batch(32, false, Batch::of).map(b -> LabeledBatch.split(b.drop(drop), labels));
        };
    }

    private static final CategoricalColumn CITY =
            FeatureColumns.categoricalColumnWithVocabularyList("city", List.of(CITIES));
    private static final List<FeatureColumn> DEEP = List.of(
            FeatureColumns.numericColumn("x"),
            FeatureColumns.numericColumn("y"),
            FeatureColumns.embeddingColumn(CITY, 3));

    private RunConfig config(String name) {
        return RunConfig.builder()
                .modelDir(dir.resolve(name))
                .saveCheckpointsSteps(500)
                .build();
    }

    private ModelEstimator dnn(String name) {
        return DNNClassifier.builder(DEEP)
                .hiddenUnits(List.of(32, 16))
                .optimizer(AdamOptimizer.withLearningRate(0.01))
                .labelVocabulary(List.of("no", "yes"))
                .runConfig(config(name))
                .build();
    }

    @Test
    void aDnnLearnsAnInteractionNoLinearModelCan() {
        ModelEstimator deep = dnn("dnn");
        deep.train(input(rows(4000, 1), "label"), Steps.of(1500));
        EvalResult dnnEval = deep.evaluate(input(rows(2000, 2), "label"));

        ModelEstimator linear = LinearClassifier.builder(
                        List.of(FeatureColumns.numericColumn("x"), FeatureColumns.numericColumn("y"), CITY))
                .labelVocabulary(List.of("no", "yes"))
                .runConfig(config("linear"))
                .build();
        linear.train(input(rows(4000, 1), "label"), Steps.of(1500));
        EvalResult linearEval = linear.evaluate(input(rows(2000, 2), "label"));

        assertTrue(dnnEval.metric("accuracy") > 0.93, dnnEval.metrics().toString());
        assertTrue(linearEval.metric("accuracy") < 0.7, linearEval.metrics().toString());
        assertEquals(1500.0, dnnEval.metric("global_step"));
    }

    @Test
    void sameSeedGivesBitwiseIdenticalCheckpointsAndResumeContinuesTheStepCount() throws IOException {
        dnn("a").train(input(rows(1000, 1), "label"), Steps.of(200));
        dnn("b").train(input(rows(1000, 1), "label"), Steps.of(200));
        assertEquals(-1L, Files.mismatch(dir.resolve("a/ckpt-200.e4j"), dir.resolve("b/ckpt-200.e4j")));
        ModelEstimator again = dnn("a");
        again.train(input(rows(1000, 1), "label"), Steps.of(50));
        assertEquals(250, again.globalStep());
    }

    @Test
    void aDifferentNetworkInTheSameModelDirIsRefused() {
        dnn("shape").train(input(rows(200, 1), "label"), Steps.of(5));
        ModelEstimator wider = DNNClassifier.builder(DEEP)
                .hiddenUnits(List.of(64, 16))
                .labelVocabulary(List.of("no", "yes"))
                .runConfig(config("shape"))
                .build();
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> wider.train(input(rows(200, 1), "label"), Steps.of(5)));
        assertTrue(e.getMessage().contains("holds a different model"), e.getMessage());
    }

    @Test
    void wideAndDeepBundlesServeTheEstimatorsPredictions() {
        List<FeatureColumn> wide = List.of(
                CITY,
                FeatureColumns.crossedColumn(
                        List.of("city", FeatureColumns.bucketizedColumn(FeatureColumns.numericColumn("x"), 0f)), 20));
        ModelEstimator model = DNNLinearCombinedClassifier.builder(wide, DEEP)
                .dnnHiddenUnits(List.of(16, 8))
                .batchNorm(true)
                .dnnDropout(0.1)
                .dnnOptimizer(AdamOptimizer.withLearningRate(0.01))
                .labelVocabulary(List.of("no", "yes"))
                .runConfig(config("wd"))
                .build();
        // Batch norm's moving averages (momentum 0.999, as TensorFlow sets it) need a few thousand steps to settle.
        model.train(input(rows(3000, 1), "label"), Steps.of(4000));
        EvalResult eval = model.evaluate(input(rows(1000, 2), "label"));
        assertTrue(eval.metric("accuracy") > 0.85, eval.metrics().toString());

        List<Example> probe = rows(64, 3);
        List<Prediction> expected = model.predict(input(probe, "label"));
        Predictor predictor = Predictor.load(model.export(dir.resolve("export")));
        assertEquals("DNNLinearCombinedClassifier", predictor.estimator());
        List<Map<String, Object>> raws =
                probe.stream().map(DnnEstimatorsTest::raw).toList();
        // The same batches as estimator.predict (32 rows): bit for bit.
        List<Prediction> served = new ArrayList<>(predictor.predict(raws.subList(0, 32)));
        served.addAll(predictor.predict(raws.subList(32, 64)));
        assertEquals(expected, served);
        // One example alone: OpenBLAS sums in another order for another row count, so equal to float rounding.
        for (int i = 0; i < 64; i += 9) {
            Prediction one = predictor.predict(raws.get(i));
            assertArrayEquals(expected.get(i).logits(), one.logits(), 1e-5f, "row " + i);
            assertArrayEquals(expected.get(i).classIds(), one.classIds(), "row " + i);
        }
    }

    @Test
    void aDnnRegressorFitsASmoothFunction() {
        ModelEstimator model = DNNRegressor.builder(DEEP)
                .hiddenUnits(List.of(32, 32))
                .optimizer(AdamOptimizer.withLearningRate(0.01))
                .runConfig(config("reg"))
                .build();
        model.train(input(rows(4000, 1), "target"), Steps.of(1500));
        EvalResult eval = model.evaluate(input(rows(2000, 2), "target"));
        // The target's variance is about 0.6; a good fit leaves a small fraction of it.
        assertTrue(eval.metric("rmse") < 0.2, eval.metrics().toString());
        assertTrue(eval.metric("r2") > 0.9, eval.metrics().toString());
        Predictor predictor = Predictor.load(model.export(dir.resolve("reg-export")));
        assertEquals("DNNRegressor", predictor.estimator());
    }

    @Test
    void buildersRejectBadOptionsWithTheirTensorFlowNames() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> DNNClassifier.builder(DEEP).runConfig(config("x")).build());
        assertTrue(e.getMessage().contains("hidden_units"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> DNNClassifier.builder(DEEP).dropout(1.0));
        assertTrue(e.getMessage().contains("dropout"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> DNNClassifier.builder(DEEP).hiddenUnits(List.of(8, 0)));
        assertTrue(e.getMessage().contains("hidden_units[1]"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> DNNLinearCombinedClassifier.builder(List.of(), List.of()));
        assertTrue(e.getMessage().contains("linear_feature_columns"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> DNNClassifier.builder(List.of(CITY))
                        .hiddenUnits(List.of(4))
                        .runConfig(config("y"))
                        .build());
        assertTrue(e.getMessage().contains("categorical"), e.getMessage());
    }

    @Test
    void aModelWithAPluginLayerSavesAndLoadsAndNamesTheMissingPlugin() {
        CustomLayer scale = new CustomLayer(
                "test.scale",
                Map.of("initial_scale", 1.0),
                "test-plugin.jar",
                () -> new ScaleLayerProvider()
                        .create(new org.estimator4j.spi.Parameters(Map.of("initial_scale", 1.0))));
        ModelEstimator model = DNNClassifier.builder(DEEP)
                .hiddenUnits(List.of(16))
                .customLayers(List.of(scale))
                .optimizer(AdamOptimizer.withLearningRate(0.01))
                .labelVocabulary(List.of("no", "yes"))
                .runConfig(config("custom"))
                .build();
        model.train(input(rows(2000, 1), "label"), Steps.of(600));
        assertTrue(model.evaluate(input(rows(1000, 2), "label")).metric("accuracy") > 0.85);
        Path bundle = model.export(dir.resolve("custom-export"));

        List<Example> probe = rows(32, 3);
        List<Prediction> expected = model.predict(input(probe, "label"));
        // The provider is on the (test) class path: found by name, variables restored.
        Predictor predictor = Predictor.load(bundle);
        assertEquals(
                expected,
                predictor.predict(probe.stream().map(DnnEstimatorsTest::raw).toList()));

        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Predictor.load(bundle, (type, params) -> {
                    throw new IllegalArgumentException("no layer provider named '" + type + "'");
                }));
        assertTrue(
                e.getMessage().contains("plugin layer 'test.scale' from test-plugin.jar, which is not installed"),
                e.getMessage());
    }
}
