package org.estimator4j.estimators.head;

import org.estimator4j.api.estimator.Prediction;
import org.estimator4j.api.table.Batch;

/**
 * A head whose training loss is the sum of the per-example losses instead of their mean: the loss and its gradient
 * are the wrapped head's times the number of values it averaged over (examples × label_dimension). Predictions and
 * per-example metrics (average_loss, accuracy, ...) are unchanged; the {@code loss} metric is the mean batch loss,
 * as TensorFlow reports it under either reduction.
 */
final class SummedLossHead implements Head {
    private final Head head;

    SummedLossHead(Head head) {
        this.head = head;
    }

    @Override
    public int logitsDimension() {
        return head.logitsDimension();
    }

    @Override
    public void readTargets(Batch labels, float[] targets) {
        head.readTargets(labels, targets);
    }

    @Override
    public int targetWidth() {
        return head.targetWidth();
    }

    @Override
    public double lossAndGradient(float[] logits, float[] targets, float[] weights, int numRows, float[] gradient) {
        double mean = head.lossAndGradient(logits, targets, weights, numRows, gradient);
        int count = numRows * head.targetWidth();
        for (int i = 0; i < numRows * head.logitsDimension(); i++) {
            gradient[i] *= count;
        }
        return mean * count;
    }

    @Override
    public EvalMetrics newEvalMetrics() {
        return head.newEvalMetrics();
    }

    @Override
    public Prediction predict(float[] logits, int row) {
        return head.predict(logits, row);
    }

    @Override
    public int predictionWidth() {
        return head.predictionWidth();
    }

    @Override
    public void metricPredictions(float[] logits, int numRows, float[] out) {
        head.metricPredictions(logits, numRows, out);
    }
}
