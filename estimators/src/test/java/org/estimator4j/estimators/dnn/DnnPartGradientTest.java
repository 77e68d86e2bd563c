package org.estimator4j.estimators.dnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.estimators.optimizer.AdagradOptimizer;
import org.estimator4j.estimators.optimizer.SgdOptimizer;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The DNN's hand-written backward pass against finite differences of its forward pass: for a loss
 * {@code L = Σ c · logits}, one SGD step at learning rate 1 moves every variable by exactly {@code -dL/dv}, which must
 * match {@code (L(v + ε) - L(v - ε)) / 2ε} for each value, embedding rows included.
 */
class DnnPartGradientTest {
    private static final Schema SCHEMA = Schema.of(
            Field.variable("tags", DType.STRING), Field.scalar("x", DType.FLOAT32), Field.scalar("y", DType.FLOAT32));

    static Batch batch(int n, long seed) {
        return Batch.of(examples(n, seed));
    }

    static List<Example> examples(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] vocab = {"a", "b", "c", "d"};
        List<Example> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] tags = new String[r.nextInt(3)];
            for (int t = 0; t < tags.length; t++) {
                tags[t] = vocab[r.nextInt(vocab.length)];
            }
            rows.add(Example.builder(SCHEMA)
                    .set("tags", tags)
                    .set("x", (float) r.nextGaussian())
                    .set("y", (float) r.nextGaussian())
                    .build());
        }
        return rows;
    }

    static List<FeatureColumn> columns() {
        return List.of(
                FeatureColumns.numericColumn("x"),
                FeatureColumns.numericColumn("y"),
                FeatureColumns.embeddingColumn(
                        FeatureColumns.categoricalColumnWithVocabularyList("tags", List.of("a", "b", "c")), 3));
    }

    private static DnnPart part(Activation activation, boolean batchNorm, double learningRate) {
        List<CustomLayer> custom = !withCustomLayer
                ? List.of()
                : List.of(new CustomLayer(
                        "test.scale",
                        Map.of("initial_scale", 0.8),
                        "test classes",
                        () -> new ScaleLayerProvider()
                                .create(new org.estimator4j.spi.Parameters(Map.of("initial_scale", 0.8)))));
        return new DnnPart(
                "dnn",
                columns(),
                2,
                List.of(5, 4),
                activation,
                0,
                batchNorm,
                custom,
                new SgdOptimizer(learningRate, 0, false),
                11);
    }

    private static final float[] C = {0.7f, -1.3f};

    private static double loss(DnnPart part, Batch b) {
        float[] logits = part.forward(b, true);
        double l = 0;
        for (int i = 0; i < logits.length; i++) {
            l += C[i % 2] * (double) logits[i];
        }
        return l;
    }

    @ParameterizedTest
    @EnumSource(
            value = Activation.class,
            names = {"TANH", "SIGMOID", "ELU", "SELU", "LINEAR"})
    void backwardMatchesFiniteDifferences(Activation activation) {
        checkGradients(activation, false);
    }

    @Test
    void backwardThroughBatchNormMatchesFiniteDifferences() {
        checkGradients(Activation.TANH, true);
    }

    @Test
    void backwardThroughAPluginLayerMatchesFiniteDifferences() {
        withCustomLayer = true;
        try {
            checkGradients(Activation.TANH, false);
        } finally {
            withCustomLayer = false;
        }
    }

    private static boolean withCustomLayer;

    private void checkGradients(Activation activation, boolean batchNorm) {
        Batch b = batch(7, 3);
        DnnPart model = part(activation, batchNorm, 1.0);
        Map<String, float[]> before = model.variables();
        float[] logits = model.forward(b, true);
        float[] dLogits = new float[logits.length];
        for (int i = 0; i < dLogits.length; i++) {
            dLogits[i] = C[i % 2];
        }
        model.backward(dLogits);
        Map<String, float[]> after = model.variables();

        DnnPart probe = part(activation, batchNorm, 1.0);
        int checked = 0;
        for (String name : before.keySet()) {
            if (name.contains("/moving_") || name.endsWith("/iterations")) {
                continue;
            }
            float[] v = before.get(name);
            for (int i = 0; i < v.length; i++) {
                double analytic = before.get(name)[i] - after.get(name)[i];
                double eps = 1e-3; // the gradients reach ~7: curvature shows at larger steps
                Map<String, float[]> plus = copy(before);
                plus.get(name)[i] += (float) eps;
                probe.restore(plus);
                double lp = loss(probe, b);
                Map<String, float[]> minus = copy(before);
                minus.get(name)[i] -= (float) eps;
                probe.restore(minus);
                double lm = loss(probe, b);
                double numeric = (lp - lm) / (2 * eps);
                assertEquals(numeric, analytic, 5e-3 + 2e-2 * Math.abs(numeric), name + "[" + i + "]");
                checked++;
            }
        }
        assertTrue(checked > 60, "checked " + checked);
        assertTrue(
                !withCustomLayer || before.containsKey("dnn/custom_0/scale"),
                before.keySet().toString());
        // The unknown tag "d" (id -1) and vocabulary rows no example used must not move.
        assertEquals(
                3 * 3,
                before.get("dnn/input_from_feature_columns/input_layer/tags_embedding/embedding_weights").length);
    }

    private static Map<String, float[]> copy(Map<String, float[]> m) {
        Map<String, float[]> c = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> c.put(k, v.clone()));
        return c;
    }

    @Test
    void oneExamplesLogitsDoNotDependOnItsBatch() {
        DnnPart model = new DnnPart(
                "dnn",
                columns(),
                1,
                List.of(64, 32),
                Activation.RELU,
                0,
                true,
                AdagradOptimizer.withLearningRate(0.05),
                5);
        List<Example> rows = examples(300, 9);
        Batch big = Batch.of(rows);
        for (int s = 0; s < 20; s++) {
            float[] l = model.forward(batch(40, s), true);
            model.backward(l); // any gradient: just move the variables (and the moving averages) away from init
        }
        float[] all = model.inference(big);
        for (int r = 0; r < 300; r += 37) {
            float[] one = model.inference(Batch.of(List.of(rows.get(r))));
            // OpenBLAS sums in an order that depends on the row count: equal to float rounding, not bit for bit.
            assertEquals(all[r], one[0], 1e-5f * Math.max(1f, Math.abs(all[r])), "row " + r);
        }
    }

    @Test
    void variablesRoundTripAndRestoreIntoAFreshModel() {
        DnnPart a = new DnnPart(
                "dnn",
                columns(),
                2,
                List.of(8),
                Activation.RELU,
                0.2,
                true,
                AdagradOptimizer.withLearningRate(0.05),
                1);
        for (int s = 0; s < 5; s++) {
            float[] l = a.forward(batch(16, s), true);
            a.backward(l);
        }
        DnnPart b = new DnnPart(
                "dnn",
                columns(),
                2,
                List.of(8),
                Activation.RELU,
                0.2,
                true,
                AdagradOptimizer.withLearningRate(0.05),
                99);
        b.restore(a.variables());
        Batch probe = batch(10, 77);
        assertArrayEquals(a.inference(probe), b.inference(probe), 0f);
        assertEquals(5f, a.variables().get("dnn/Adagrad/iterations")[1]);
        assertTrue(a.variables().containsKey("dnn/hiddenlayer_0/kernel/Adagrad"));
        assertTrue(a.variables().containsKey("dnn/batchnorm_0/moving_variance"));
    }
}
