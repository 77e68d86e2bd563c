package org.estimator4j.estimators.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
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
import org.estimator4j.estimators.head.Heads;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A DL4J MLP behind a binary head: trained through {@code ModelEstimator.train}, it learns a problem no single
 * threshold solves (yes when the color is red or the size is above 1.5); a same-seed run predicts bit for bit the
 * same; a network that cannot sit behind a head is refused with what to change.
 */
class CustomEstimatorTest {
    @TempDir
    Path dir;

    private static final Schema SCHEMA = Schema.of(
            Field.scalar("color", DType.STRING),
            Field.scalar("size", DType.FLOAT32),
            Field.scalar("label", DType.STRING),
            Field.scalar("band", DType.STRING),
            Field.scalar("target", DType.FLOAT32));
    private static final List<String> LABELS = List.of("label", "band", "target");

    /** color one-hot (3) + size (1): the network's nIn is 4. */
    private static final List<FeatureColumn> COLUMNS = List.of(
            FeatureColumns.indicatorColumn(
                    FeatureColumns.categoricalColumnWithVocabularyList("color", List.of("red", "green", "blue"))),
            FeatureColumns.numericColumn("size"));

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
                    .set("band", size < 0.7 ? "small" : size < 1.4 ? "medium" : "large")
                    .set("target", size * size + (color.equals("red") ? 1f : 0f))
                    .build());
        }
        return out;
    }

    private static InputFn input(List<Example> rows) {
        return input(rows, "label");
    }

    /** Batches of 32 with {@code label} as the label and the other label columns dropped. */
    private static InputFn input(List<Example> rows, String label) {
        return mode -> {
            Dataset<Example> d = Dataset.fromIterable(rows);
            if (mode == Mode.TRAIN) {
                d = d.shuffle(1000, 7).repeat();
            }
            List<String> drop = LABELS.stream()
                    .filter(l -> mode == Mode.PREDICT || !l.equals(label))
                    .toList();
            List<String> labels = mode == Mode.PREDICT ? List.of() : List.of(label);
            return d.batch(32, false, Batch::of).map(b -> LabeledBatch.split(b.drop(drop), labels));
        };
    }

    private static MultiLayerConfiguration mlp() {
        return mlp(1);
    }

    private static MultiLayerConfiguration mlp(int logits) {
        return new NeuralNetConfiguration.Builder()
                .seed(42)
                .updater(new Adam(0.02))
                .list()
                .layer(new DenseLayer.Builder()
                        .nIn(4)
                        .nOut(16)
                        .activation(Activation.RELU)
                        .build())
                .layer(new DenseLayer.Builder()
                        .nIn(16)
                        .nOut(logits)
                        .activation(Activation.IDENTITY)
                        .build())
                .build();
    }

    private ModelEstimator estimator(String name) {
        return CustomEstimator.builder(COLUMNS, mlp(), Heads.binary(List.of("no", "yes")))
                .runConfig(RunConfig.builder()
                        .modelDir(dir.resolve(name))
                        .saveCheckpointsSteps(1000)
                        .build())
                .build();
    }

    @Test
    void aDl4jNetworkTrainsBehindTheBinaryHead() {
        ModelEstimator model = estimator("mlp");
        model.train(input(rows(2000, 1)), Steps.of(600));
        EvalResult eval = model.evaluate(input(rows(1000, 2)));
        assertTrue(eval.metric("accuracy") > 0.97, eval.metrics().toString());
        assertEquals(600.0, eval.metric("global_step"));
    }

    @Test
    void theMultiClassAndRegressionHeadsTrainTheSameNetworkShape() {
        ModelEstimator bands = CustomEstimator.builder(
                        COLUMNS, mlp(3), Heads.multiClass(3, List.of("small", "medium", "large")))
                .runConfig(RunConfig.builder().modelDir(dir.resolve("bands")).build())
                .build();
        bands.train(input(rows(2000, 1), "band"), Steps.of(1500));
        EvalResult bandEval = bands.evaluate(input(rows(1000, 2), "band"));
        assertTrue(bandEval.metric("accuracy") > 0.95, bandEval.metrics().toString());

        ModelEstimator regressor = CustomEstimator.builder(COLUMNS, mlp(1), Heads.regression(1))
                .runConfig(
                        RunConfig.builder().modelDir(dir.resolve("regression")).build())
                .build();
        regressor.train(input(rows(2000, 1), "target"), Steps.of(1500));
        EvalResult eval = regressor.evaluate(input(rows(1000, 2), "target"));
        // The target's variance is about 1.6: a network that learned nothing stays far above this.
        assertTrue(eval.metric("average_loss") < 0.05, eval.metrics().toString());
    }

    @Test
    void sameSeedPredictsBitForBitTheSame() {
        ModelEstimator a = estimator("a");
        a.train(input(rows(500, 1)), Steps.of(100));
        ModelEstimator b = estimator("b");
        b.train(input(rows(500, 1)), Steps.of(100));
        List<Prediction> pa = a.predict(input(rows(100, 3)));
        List<Prediction> pb = b.predict(input(rows(100, 3)));
        assertEquals(100, pa.size());
        assertEquals(pa, pb);
    }

    @Test
    void aCheckpointRestoresTheNetworkAndItsUpdaterAndTrainingResumes() throws IOException {
        estimator("a").train(input(rows(500, 1)), Steps.of(100));
        estimator("b").train(input(rows(500, 1)), Steps.of(100));
        // Parameters, Adam's moments and the step count: the same bytes for the same seed.
        assertEquals(-1L, Files.mismatch(dir.resolve("a/ckpt-100.e4j"), dir.resolve("b/ckpt-100.e4j")));

        ModelEstimator fresh = estimator("a");
        assertEquals(
                estimator("b").predict(input(rows(50, 3))),
                fresh.predict(input(rows(50, 3))),
                "a new estimator on the model_dir predicts from the restored network");
        fresh.train(input(rows(500, 1)), Steps.of(50));
        assertEquals(150, fresh.globalStep());
    }

    @Test
    void aNetworkFunctionGetsTheColumnsWidth() {
        List<Integer> widths = new ArrayList<>();
        ModelEstimator model = CustomEstimator.builder(
                        COLUMNS,
                        width -> {
                            widths.add(width);
                            return mlp();
                        },
                        Heads.binary(List.of("no", "yes")))
                .runConfig(RunConfig.builder().modelDir(dir.resolve("fn")).build())
                .build();
        assertEquals(List.of(4), widths, "3 one-hot colors + 1 size");
        model.train(input(rows(500, 1)), Steps.of(20));
        assertEquals(20, model.globalStep());
    }

    @Test
    void anOutputLayerIsRefusedBecauseTheHeadOwnsTheLoss() {
        MultiLayerConfiguration withLoss = new NeuralNetConfiguration.Builder()
                .list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                        .nIn(4)
                        .nOut(1)
                        .activation(Activation.SIGMOID)
                        .build())
                .build();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> CustomEstimator.builder(COLUMNS, withLoss, Heads.binary(null))
                        .build());
        assertTrue(e.getMessage().contains("Activation.IDENTITY"), e.getMessage());
    }

    @Test
    void aFirstLayerOfTheWrongWidthIsRefusedWithTheColumnsWidth() {
        MultiLayerConfiguration narrow = new NeuralNetConfiguration.Builder()
                .list()
                .layer(new DenseLayer.Builder()
                        .nIn(3)
                        .nOut(1)
                        .activation(Activation.IDENTITY)
                        .build())
                .build();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> CustomEstimator.builder(COLUMNS, narrow, Heads.binary(null))
                        .build());
        assertTrue(e.getMessage().contains("set nIn(4)"), e.getMessage());
    }
}
