package org.estimator4j.estimators.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.EvalResult;
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
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.metric.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin loss trains the model; plugin metrics join the head's in evaluation under their given names. */
class CustomLossAndMetricsTest {
    @TempDir
    Path dir;

    private static final Schema SCHEMA = Schema.of(
            Field.scalar("color", DType.STRING),
            Field.scalar("size", DType.FLOAT32),
            Field.scalar("label", DType.INT64));
    private static final List<FeatureColumn> COLUMNS = List.of(
            FeatureColumns.categoricalColumnWithVocabularyList("color", List.of("red", "green", "blue")),
            FeatureColumns.bucketizedColumn(FeatureColumns.numericColumn("size"), 0.5f, 1f, 1.5f));

    private static InputFn input(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] colors = {"red", "green", "blue"};
        List<Example> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String color = colors[r.nextInt(3)];
            float size = (float) (r.nextDouble() * 2);
            rows.add(Example.builder(SCHEMA)
                    .set("color", color)
                    .set("size", size)
                    .set("label", color.equals("red") || size > 1.5 ? 1L : 0L)
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

    /** The Brier score on the sigmoid: (p - y)², gradient 2 (p - y) p (1 - p). */
    static final Loss BRIER = (logits, labels, numRows, k, losses, gradient) -> {
        for (int r = 0; r < numRows; r++) {
            double p = 1 / (1 + Math.exp(-logits[r]));
            losses[r] = (float) ((p - labels[r]) * (p - labels[r]));
            gradient[r] = (float) (2 * (p - labels[r]) * p * (1 - p));
        }
    };

    /** The fraction of examples predicted positive, weighted. */
    static class PositiveRate implements Metric {
        double positives;
        double total;

        @Override
        public void update(float[] labels, float[] predictions, float[] weights, int numRows, int width) {
            for (int r = 0; r < numRows; r++) {
                double w = weights == null ? 1 : weights[r];
                positives += predictions[r] > 0.5 ? w : 0;
                total += w;
            }
        }

        @Override
        public double result() {
            return total == 0 ? Double.NaN : positives / total;
        }

        @Override
        public void reset() {
            positives = 0;
            total = 0;
        }

        @Override
        public void merge(Metric other) {
            positives += ((PositiveRate) other).positives;
            total += ((PositiveRate) other).total;
        }
    }

    private ModelEstimator brier(String name) {
        return LinearClassifier.builder(COLUMNS)
                .loss(new CustomLoss("test.brier", Map.of(), BRIER))
                .metric("positive_rate", PositiveRate::new)
                .runConfig(RunConfig.builder().modelDir(dir.resolve(name)).build())
                .build();
    }

    @Test
    void aPluginLossTrainsAndPluginMetricsAreReported() {
        ModelEstimator model = brier("brier");
        model.train(input(3000, 1), Steps.of(800));
        EvalResult eval = model.evaluate(input(1000, 2));
        assertTrue(eval.metric("accuracy") > 0.95, eval.metrics().toString());
        // positive_rate counts probabilities above 0.5, which is what predicts class 1: it equals prediction
        // agreement with class 1, so it must be close to the label mean when accuracy is high.
        assertEquals(
                eval.metric("label/mean"),
                eval.metric("positive_rate"),
                0.05,
                eval.metrics().toString());
        // The loss metric is the Brier score (small), not the cross-entropy average_loss.
        assertTrue(
                eval.metric("loss") < eval.metric("average_loss"),
                eval.metrics().toString());
    }

    @Test
    void theLossIsPartOfWhatAModelDirectoryHolds() {
        brier("dir").train(input(200, 1), Steps.of(5));
        ModelEstimator plain = LinearClassifier.builder(COLUMNS)
                .runConfig(RunConfig.builder().modelDir(dir.resolve("dir")).build())
                .build();
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> plain.train(input(200, 1), Steps.of(5)));
        assertTrue(e.getMessage().contains("holds a different model"), e.getMessage());
    }

    @Test
    void aFailingMetricIsNamed() {
        ModelEstimator model = LinearClassifier.builder(COLUMNS)
                .metric("broken", () -> new PositiveRate() {
                    @Override
                    public void update(float[] labels, float[] predictions, float[] weights, int numRows, int width) {
                        throw new ArithmeticException("boom");
                    }
                })
                .runConfig(RunConfig.builder().modelDir(dir.resolve("m")).build())
                .build();
        model.train(input(200, 1), Steps.of(5));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.evaluate(input(100, 2)));
        assertTrue(e.getMessage().contains("metric 'broken'") && e.getMessage().contains("boom"), e.getMessage());
    }
}
