package org.estimator4j.estimators.head;

import org.estimator4j.api.estimator.Prediction;
import org.estimator4j.api.table.Batch;

/**
 * A head that passes every call to another: the base of the heads that change one aspect of a canned head (the loss,
 * its reduction, the evaluation metrics) and leave the rest as it was.
 */
abstract class ForwardingHead implements Head {
    protected final Head head;

    ForwardingHead(Head head) {
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
        return head.lossAndGradient(logits, targets, weights, numRows, gradient);
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
