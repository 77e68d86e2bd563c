package org.estimator4j.estimators.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.FeatureTransformer;
import org.estimator4j.features.transform.TransformedBatch;
import org.junit.jupiter.api.Test;

class LinearModelTest {
    private static final Schema SCHEMA =
            Schema.of(Field.variable("tags", DType.STRING), Field.scalar("x", DType.FLOAT32));

    private static Batch batch(List<String[]> tags, float[] xs) {
        List<Example> rows = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            rows.add(Example.builder(SCHEMA)
                    .set("tags", tags.get(i))
                    .set("x", xs[i])
                    .build());
        }
        return Batch.of(rows);
    }

    private static final List<FeatureColumn> COLUMNS = List.of(
            FeatureColumns.categoricalColumnWithVocabularyList("tags", List.of("a", "b", "c")),
            FeatureColumns.numericColumn("x"));

    private static LinearModel model(SparseCombiner combiner, FeatureTransformer t) {
        return new LinearModel(t, 1, combiner, FtrlOptimizer.withLearningRate(0.2));
    }

    @Test
    void logitsAreBiasPlusCombinedSparseWeightsPlusDenseWeights() {
        FeatureTransformer t = FeatureTransformer.linear(COLUMNS);
        LinearModel m = model(SparseCombiner.MEAN, t);
        Map<String, float[]> state = m.state();
        state.get("linear/linear_model/tags/weights")[0] = 1f; // a
        state.get("linear/linear_model/tags/weights")[1] = 3f; // b
        state.get("linear/linear_model/dense_weights")[0] = 0.5f;
        state.get("linear/linear_model/bias_weights")[0] = 0.25f;
        m.restore(state); // state() is a snapshot: load the edited values back
        TransformedBatch b = t.transform(
                batch(List.of(new String[] {"a", "b"}, new String[] {"zzz"}, new String[] {}), new float[] {2, 4, 0}),
                new EmbeddingTables(0));
        float[] logits = new float[3];
        m.forward(b, logits);
        // mean of a and b = 2, plus 0.5 * 2, plus bias; an unknown id (-1) and an empty row add nothing.
        assertArrayEquals(new float[] {0.25f + 2f + 1f, 0.25f + 2f, 0.25f}, logits, 1e-6f);

        LinearModel sum = model(SparseCombiner.SUM, t);
        sum.restore(state);
        sum.forward(b, logits);
        assertEquals(0.25f + 4f + 1f, logits[0], 1e-6f);
        LinearModel sqrtn = model(SparseCombiner.SQRTN, t);
        sqrtn.restore(state);
        sqrtn.forward(b, logits);
        assertEquals(0.25f + 4f / (float) Math.sqrt(2) + 1f, logits[0], 1e-6f);
    }

    @Test
    void onlyTheIdsABatchHoldsAreUpdated() {
        FeatureTransformer t = FeatureTransformer.linear(COLUMNS);
        LinearModel m = model(SparseCombiner.SUM, t);
        TransformedBatch b = t.transform(
                batch(List.of(new String[] {"a"}, new String[] {"a"}), new float[] {0, 0}), new EmbeddingTables(0));
        m.backwardAndApply(b, new float[] {0.5f, 0.5f});
        float[] w = m.state().get("linear/linear_model/tags/weights");
        assertTrue(w[0] < 0, "a moved against its gradient");
        assertEquals(0f, w[1]);
        assertEquals(0f, w[2]);
        // Duplicate ids in a batch are summed into one FTRL step, as TensorFlow's sparse apply does.
        LinearModel once = model(SparseCombiner.SUM, t);
        TransformedBatch single =
                t.transform(batch(List.<String[]>of(new String[] {"a"}), new float[] {0}), new EmbeddingTables(0));
        once.backwardAndApply(single, new float[] {1f});
        assertEquals(once.state().get("linear/linear_model/tags/weights")[0], w[0]);
    }

    @Test
    void restoringAVariableOfAnotherSizeSaysToUseANewModelDir() {
        FeatureTransformer t = FeatureTransformer.linear(COLUMNS);
        LinearModel m = model(SparseCombiner.SUM, t);
        Map<String, float[]> state = new java.util.LinkedHashMap<>(m.state());
        state.put("linear/linear_model/tags/weights", new float[7]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.restore(state));
        assertTrue(e.getMessage().contains("new model_dir"), e.getMessage());
    }
}
