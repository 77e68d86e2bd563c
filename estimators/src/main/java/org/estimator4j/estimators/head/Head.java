package org.estimator4j.estimators.head;

import org.estimator4j.api.estimator.Prediction;
import org.estimator4j.api.table.Batch;

/**
 * What a model's logits mean, as {@code tf.estimator} heads: how labels are read, the loss and its gradient with
 * respect to the logits, predictions, and the evaluation metrics with TensorFlow's names. Hot path: the loss call runs
 * once per training step over primitive arrays and allocates nothing per example.
 */
public interface Head {
    /** Logits per example (1 for binary classification and single-output regression). */
    int logitsDimension();

    /**
     * Reads a batch's labels into {@code targets} ({@code numRows × targetWidth()}): class ids for classifiers (from
     * int64 ids, 0/1 floats, or strings through the label vocabulary), values for regression. A label that cannot be
     * read is an error naming the row and value.
     */
    void readTargets(Batch labels, float[] targets);

    /** Values per example in {@link #readTargets}: 1 for classification, label_dimension for regression. */
    int targetWidth();

    /**
     * The training loss with {@code sum_over_batch_size} reduction: the weighted sum of per-example losses divided by
     * the number of examples (times label_dimension for regression). Writes d(loss)/d(logits) into {@code gradient}
     * ({@code numRows × logitsDimension()}). {@code weights} may be null (all 1).
     */
    double lossAndGradient(float[] logits, float[] targets, float[] weights, int numRows, float[] gradient);

    /** A fresh accumulator of evaluation metrics. */
    EvalMetrics newEvalMetrics();

    /** Example {@code row}'s prediction from its logits. */
    Prediction predict(float[] logits, int row);

    /** Values per example in {@link #metricPredictions}: 1 for binary, n_classes for multi-class, label_dimension. */
    int predictionWidth();

    /**
     * What plugin metrics see as predictions ({@code numRows × predictionWidth()}): the probability of class 1 for a
     * binary head, the class probabilities for a multi-class head, the predicted values for regression.
     */
    void metricPredictions(float[] logits, int numRows, float[] out);
}
