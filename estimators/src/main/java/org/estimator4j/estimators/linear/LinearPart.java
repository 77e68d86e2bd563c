package org.estimator4j.estimators.linear;

import java.util.List;
import java.util.Map;
import org.estimator4j.api.table.Batch;
import org.estimator4j.estimators.Model;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.FeatureTransformer;
import org.estimator4j.features.transform.TransformedBatch;

/** A {@link LinearModel} behind the {@link Model} contract: transforms the raw batch with the linear columns first. */
public final class LinearPart implements Model {
    private static final EmbeddingTables NO_TABLES = new EmbeddingTables(0);

    private final FeatureTransformer transformer;
    private final LinearModel model;
    private TransformedBatch last;

    public LinearPart(
            List<? extends FeatureColumn> columns, int logitsDim, SparseCombiner combiner, FtrlOptimizer optimizer) {
        this.transformer = FeatureTransformer.linear(columns);
        this.model = new LinearModel(transformer, logitsDim, combiner, optimizer);
    }

    /** Refuses, at build time, columns whose weights would not fit in memory (see {@link LinearModel#checkSizes}). */
    public static void checkSizes(List<? extends FeatureColumn> columns, int logitsDim) {
        LinearModel.checkSizes(FeatureTransformer.linear(columns).sparseColumns(), logitsDim);
    }

    @Override
    public int logitsDimension() {
        return model.logitsDimension();
    }

    @Override
    public float[] forward(Batch features, boolean training) {
        TransformedBatch transformed = transformer.transform(features, NO_TABLES);
        float[] logits = new float[features.numRows() * model.logitsDimension()];
        model.forwardTraining(transformed, logits); // keeps the batch's ids for backward
        last = transformed;
        return logits;
    }

    @Override
    public float[] inference(Batch features) {
        TransformedBatch transformed = transformer.transform(features, NO_TABLES);
        float[] logits = new float[features.numRows() * model.logitsDimension()];
        model.forward(transformed, logits);
        return logits;
    }

    @Override
    public void backward(float[] dLogits) {
        if (last == null) {
            throw new IllegalStateException("backward before forward");
        }
        model.backwardAndApply(last, dLogits);
        last = null;
    }

    @Override
    public Map<String, float[]> variables() {
        return model.state();
    }

    @Override
    public void restore(Map<String, float[]> saved) {
        model.restore(saved);
    }

    @Override
    public void setLearningRateMultiplier(double multiplier) {
        model.setLearningRateMultiplier(multiplier);
    }
}
