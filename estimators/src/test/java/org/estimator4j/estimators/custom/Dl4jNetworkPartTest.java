package org.estimator4j.estimators.custom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Sgd;

/** The DL4J part's own contract: variable names, one SGD step by hand, the learning-rate multiplier, restore checks. */
class Dl4jNetworkPartTest {
    private static final Schema SCHEMA = Schema.of(Field.scalar("x", DType.FLOAT32), Field.scalar("y", DType.FLOAT32));
    private static final List<FeatureColumn> COLUMNS =
            List.of(FeatureColumns.numericColumn("x"), FeatureColumns.numericColumn("y"));

    /** One identity layer (logits = x·W + b): its gradient is known in closed form. */
    private static MultiLayerConfiguration linear(double learningRate) {
        return new NeuralNetConfiguration.Builder()
                .seed(3)
                .updater(new Sgd(learningRate))
                .list()
                .layer(new DenseLayer.Builder()
                        .nIn(2)
                        .nOut(1)
                        .activation(Activation.IDENTITY)
                        .build())
                .build();
    }

    private static Batch batch() {
        return Batch.of(List.of(
                Example.builder(SCHEMA).set("x", 1f).set("y", 2f).build(),
                Example.builder(SCHEMA).set("x", -1f).set("y", 0.5f).build()));
    }

    @Test
    void variablesAreNamedByLayerAndParameterWithTheUpdaterStateAndStepCount() {
        Map<String, float[]> v = new Dl4jNetworkPart(COLUMNS, linear(0.1), 1).variables();
        assertEquals(
                List.of("custom/layer_0/W", "custom/layer_0/b", "custom/updater_state", "custom/iterations"),
                List.copyOf(v.keySet()));
        assertEquals(2, v.get("custom/layer_0/W").length);
    }

    @Test
    void backwardTakesOneSgdStepOnTheHeadsGradient() {
        Dl4jNetworkPart part = new Dl4jNetworkPart(COLUMNS, linear(0.1), 1);
        Map<String, float[]> before = part.variables();
        float[] w = before.get("custom/layer_0/W");
        float[] logits = part.forward(batch(), true);
        assertEquals(w[0] * 1f + w[1] * 2f + before.get("custom/layer_0/b")[0], logits[0], 1e-6f);
        part.backward(new float[] {0.5f, -1f});
        Map<String, float[]> after = part.variables();
        // dW = xᵀ·dLogits = [1·0.5 + (-1)(-1), 2·0.5 + 0.5·(-1)] = [1.5, 0.5]; db = -0.5. Not divided by the batch.
        assertArrayEquals(new float[] {w[0] - 0.15f, w[1] - 0.05f}, after.get("custom/layer_0/W"), 1e-6f);
        assertArrayEquals(
                new float[] {before.get("custom/layer_0/b")[0] + 0.05f}, after.get("custom/layer_0/b"), 1e-6f);
        assertArrayEquals(new float[] {0, 1}, after.get("custom/iterations"));
    }

    @Test
    void aZeroLearningRateMultiplierFreezesTheNetworkAndOneRestoresIt() {
        Dl4jNetworkPart part = new Dl4jNetworkPart(COLUMNS, linear(0.1), 1);
        float[] w = part.variables().get("custom/layer_0/W");
        part.setLearningRateMultiplier(0);
        part.forward(batch(), true);
        part.backward(new float[] {0.5f, -1f});
        assertArrayEquals(w, part.variables().get("custom/layer_0/W"));
        part.setLearningRateMultiplier(1);
        part.forward(batch(), true);
        part.backward(new float[] {0.5f, -1f});
        assertFalse(Arrays.equals(w, part.variables().get("custom/layer_0/W")));
    }

    @Test
    void restoreLoadsSavedValuesAndRefusesAMisSizedCheckpoint() {
        Dl4jNetworkPart trained = new Dl4jNetworkPart(COLUMNS, linear(0.1), 1);
        trained.forward(batch(), true);
        trained.backward(new float[] {0.5f, -1f});
        Dl4jNetworkPart fresh = new Dl4jNetworkPart(COLUMNS, linear(0.1), 1);
        fresh.restore(trained.variables());
        assertArrayEquals(trained.inference(batch()), fresh.inference(batch()));
        assertArrayEquals(new float[] {0, 1}, fresh.variables().get("custom/iterations"));

        Map<String, float[]> wrong = new HashMap<>(trained.variables());
        wrong.put("custom/layer_0/W", new float[3]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fresh.restore(wrong));
        assertTrue(e.getMessage().contains("'custom/layer_0/W' has 3 values, this network 2"), e.getMessage());
        assertTrue(e.getMessage().contains("new model_dir"), e.getMessage());
    }
}
