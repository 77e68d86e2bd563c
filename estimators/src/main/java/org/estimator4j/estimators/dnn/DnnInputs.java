package org.estimator4j.estimators.dnn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.memory.FloatBudget;
import org.estimator4j.api.table.Batch;
import org.estimator4j.estimators.optimizer.Optimizer;
import org.estimator4j.features.DenseColumn;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.FeatureTransformer;
import org.estimator4j.features.transform.TransformContext;

/**
 * The input of a {@link DnnPart}: the dense feature columns concatenated by name into one matrix, and the embedding
 * tables they look up, named {@code <scope>/input_from_feature_columns/input_layer/<column>_embedding/...}. Tables
 * stay zero until first use, so a restored checkpoint fills them without the initializer being drawn first; the
 * trainable ones are trained with the network, at the rows a batch looked up.
 */
final class DnnInputs {
    private static final String INPUT_SCOPE = "/input_from_feature_columns/input_layer/";

    private final FeatureTransformer transformer;
    private final EmbeddingTables tables;
    private final List<EmbeddingInput> embeddings = new ArrayList<>();
    /** Tables still zero: drawn on first use unless {@link #markRestored} comes first. */
    private final List<EmbeddingInput> uninitialized = new ArrayList<>();

    private volatile boolean initialized;
    private final Map<String, Parameter> embeddingTables = new LinkedHashMap<>();
    private final boolean trains;

    /** Creates the (zeroed) tables, appending the trainable ones to {@code parameters}. */
    DnnInputs(
            String scope, FeatureTransformer transformer, Optimizer optimizer, long seed, List<Parameter> parameters) {
        this.transformer = transformer;
        this.tables = new EmbeddingTables(seed);
        boolean trains = false;
        Map<String, Integer> layout = transformer.denseLayout();
        for (DenseColumn c : transformer.denseColumns()) {
            EmbeddingInput e = EmbeddingInput.of(c, layout.get(c.name()));
            if (e == null) {
                continue;
            }
            embeddings.add(e);
            if (!embeddingTables.containsKey(e.tableName)) {
                // Zeroed for now: drawn in initialize() only if no checkpoint is restored into it.
                float[] table = new float
                        [FloatBudget.floats(
                                e.numBuckets(),
                                e.dimension,
                                "embedding table '" + e.tableName + "' (buckets x dimension)")];
                tables.put(e.tableName, table);
                uninitialized.add(e);
                Parameter p = Parameter.rows(scope + INPUT_SCOPE + e.tableName, table, e.dimension, optimizer);
                embeddingTables.put(e.tableName, p);
                if (e.trainable) {
                    parameters.add(p);
                }
            }
            trains |= e.trainable;
        }
        this.trains = trains;
    }

    /** Values per row of the input: the dense columns' widths summed. */
    int width() {
        return transformer.denseWidth();
    }

    /** Whether an embedding trains, so the network must compute d loss / d input. */
    boolean trains() {
        return trains;
    }

    /** Draws the initial values of tables no checkpoint filled (TensorFlow's initializer, seeded). */
    void initialize() {
        if (initialized) {
            return;
        }
        synchronized (uninitialized) {
            for (EmbeddingInput e : uninitialized) {
                tables.initialize(e.tableName, embeddingTables.get(e.tableName).values, e.dimension);
            }
            uninitialized.clear();
            initialized = true;
        }
    }

    /** Every table is about to be overwritten by a checkpoint (or the restore fails): none is drawn. */
    void markRestored() {
        synchronized (uninitialized) {
            uninitialized.clear();
            initialized = true;
        }
    }

    TransformContext context(Batch features) {
        return new TransformContext(features, tables);
    }

    /** The input matrix of {@code context}'s batch, written into {@code reuse} when it has the right size. */
    float[] dense(TransformContext context, float[] reuse) {
        return transformer.transform(context, reuse).dense();
    }

    float[] dense(TransformContext context) {
        return transformer.transform(context).dense();
    }

    /** Sends d loss / d input ({@code n × width}) back to the rows of the trainable tables the batch looked up. */
    void backward(TransformContext context, float[] dInput) {
        int width = transformer.denseWidth();
        for (EmbeddingInput e : embeddings) {
            if (e.trainable) {
                e.backward(context, dInput, width, embeddingTables.get(e.tableName));
            }
        }
    }

    /** The frozen tables (saved, never trained): those not in {@code parameters}. */
    void saveFrozen(Map<String, float[]> out, DnnParameters parameters) {
        for (Parameter p : embeddingTables.values()) {
            if (!parameters.isTrained(p)) {
                out.put(p.name, p.values.clone());
            }
        }
    }

    void restoreFrozen(Map<String, float[]> saved, DnnParameters parameters) {
        for (Parameter p : embeddingTables.values()) {
            if (!parameters.isTrained(p)) {
                Parameter.copy(saved, p.name, p.values);
            }
        }
    }
}
