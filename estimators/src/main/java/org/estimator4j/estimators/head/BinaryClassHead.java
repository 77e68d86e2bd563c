package org.estimator4j.estimators.head;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.estimator.Prediction;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DoubleColumn;
import org.estimator4j.api.table.FixedWidthColumn;
import org.estimator4j.api.table.FloatColumn;
import org.estimator4j.api.table.LongColumn;
import org.estimator4j.api.table.StringColumn;

/**
 * TensorFlow's {@code BinaryClassHead} ({@code binary_class_head}; {@code _BinaryLogisticHeadWithSigmoidCrossEntropyLoss}
 * in TF 1): one logit per example, sigmoid cross-entropy loss with {@code sum_over_batch_size} reduction.
 *
 * <p>Labels: int64 0/1, float labels in [0, 1] (TensorFlow accepts soft labels), or, with a
 * {@code label_vocabulary} of two strings, strings from it (the first is class 0). String labels without a vocabulary
 * are an error, as are non-string labels with one.
 *
 * <p>Per-example loss {@code max(x, 0) - x z + log(1 + exp(-|x|))} (TensorFlow's stable
 * {@code sigmoid_cross_entropy_with_logits}); its gradient {@code sigmoid(x) - z}.
 *
 * <p>Predictions: {@code logits}, {@code logistic}, {@code probabilities} = softmax([0, x]) = [1 - p, p],
 * {@code class_ids} = argmax([0, x]) (1 only when x > 0, ties go to class 0 as in TensorFlow), {@code classes} (the
 * vocabulary string, or "0"/"1" as {@code tf.strings.as_string} gives).
 *
 * <p>Eval metrics, named and computed as TensorFlow 2's head (weighted by the example weights): {@code accuracy},
 * {@code accuracy_baseline} = max(label/mean, 1 - label/mean), {@code auc} and {@code auc_precision_recall}
 * ({@link Auc}: {@code tf.keras.metrics.AUC} defaults over the logistic), {@code average_loss} (weighted mean
 * per-example loss), {@code label/mean}, {@code prediction/mean} (mean logistic), {@code precision} and
 * {@code recall} (of {@code class_ids}), and {@code loss}: the estimator's own metric,
 * {@code tf.compat.v1.metrics.mean(loss)}, the unweighted mean of each evaluated batch's loss.
 */
public final class BinaryClassHead implements Head {
    private final LabelVocabulary vocabulary;

    private BinaryClassHead(LabelVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** A head without a label vocabulary: labels are 0/1 numbers. */
    public static BinaryClassHead create() {
        return new BinaryClassHead(null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The label vocabulary, or null. */
    public List<String> labelVocabulary() {
        return vocabulary == null ? null : vocabulary.values();
    }

    @Override
    public int logitsDimension() {
        return 1;
    }

    @Override
    public int targetWidth() {
        return 1;
    }

    @Override
    public void readTargets(Batch labels, float[] targets) {
        FixedWidthColumn<?> c = Labels.singleScalar(labels, "BinaryClassHead");
        int n = labels.numRows();
        Labels.checkTargets(targets, n);
        if (c instanceof StringColumn s) {
            if (vocabulary == null) {
                throw new IllegalArgumentException("label column '" + c.name() + "' holds strings (row 0: '"
                        + (n > 0 ? s.values()[0] : "") + "'); set label_vocabulary to map them to classes 0 and 1");
            }
            String[] v = s.values();
            for (int r = 0; r < n; r++) {
                targets[r] = vocabulary.id(v[r], labels, r, c.name());
            }
            return;
        }
        if (vocabulary != null) {
            throw new IllegalArgumentException("label_vocabulary " + vocabulary.values() + " is set, so labels must "
                    + "be strings; label column '" + c.name() + "' is " + Labels.typeName(c));
        }
        if (c instanceof LongColumn l) {
            long[] v = l.values();
            for (int r = 0; r < n; r++) {
                if (v[r] != 0 && v[r] != 1) {
                    throw outOfRange(labels, c.name(), r, Long.toString(v[r]));
                }
                targets[r] = v[r];
            }
        } else if (c instanceof FloatColumn f) {
            float[] v = f.values();
            for (int r = 0; r < n; r++) {
                if (!(v[r] >= 0f && v[r] <= 1f)) {
                    throw outOfRange(labels, c.name(), r, Float.toString(v[r]));
                }
                targets[r] = v[r];
            }
        } else {
            double[] v = ((DoubleColumn) c).values();
            for (int r = 0; r < n; r++) {
                if (!(v[r] >= 0 && v[r] <= 1)) {
                    throw outOfRange(labels, c.name(), r, Double.toString(v[r]));
                }
                targets[r] = (float) v[r];
            }
        }
    }

    private static IllegalArgumentException outOfRange(Batch labels, String column, int row, String value) {
        return new IllegalArgumentException(labels.rowName(row) + ": label " + value + " in column '" + column
                + "' is not in [0, 1]; binary classification labels are 0 or 1 (or strings with label_vocabulary)");
    }

    @Override
    public double lossAndGradient(float[] logits, float[] targets, float[] weights, int numRows, float[] gradient) {
        Labels.checkArrays(logits, numRows, targets, numRows, weights, numRows);
        if (gradient == null || gradient.length < numRows) {
            throw new IllegalArgumentException("gradient needs at least " + numRows + " entries");
        }
        if (numRows == 0) {
            return 0;
        }
        double invN = 1.0 / numRows;
        double sum = 0;
        for (int i = 0; i < numRows; i++) {
            double x = logits[i];
            double z = targets[i];
            double w = weights == null ? 1 : weights[i];
            // exp(-|x|) serves both the loss and the sigmoid: the same values as sigmoidCrossEntropy and sigmoid.
            double e = Math.exp(-Math.abs(x));
            sum += w * (Math.max(x, 0) - x * z + Math.log1p(e));
            double p = x >= 0 ? 1 / (1 + e) : e / (1 + e);
            gradient[i] = (float) ((p - z) * w * invN);
        }
        return sum * invN;
    }

    /** {@code max(x, 0) - x z + log(1 + exp(-|x|))}: finite for any finite x. */
    static double sigmoidCrossEntropy(double x, double z) {
        return Math.max(x, 0) - x * z + Math.log1p(Math.exp(-Math.abs(x)));
    }

    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    @Override
    public Prediction predict(float[] logits, int row) {
        float x = logits[row];
        float p = (float) sigmoid(x);
        float q = (float) sigmoid(-(double) x);
        int id = x > 0 ? 1 : 0;
        String cls = vocabulary == null ? Integer.toString(id) : vocabulary.get(id);
        return new Prediction(
                new float[] {x}, new float[] {p}, new float[] {q, p}, new long[] {id}, new String[] {cls}, null);
    }

    @Override
    public EvalMetrics newEvalMetrics() {
        return new Metrics();
    }

    @Override
    public String toString() {
        return "BinaryClassHead" + (vocabulary == null ? "" : "[label_vocabulary=" + vocabulary.values() + "]");
    }

    /** The binary head's streaming metrics. */
    private static final class Metrics implements EvalMetrics {
        private final Auc auc = new Auc();
        private final AccuracyCounts accuracy = new AccuracyCounts();
        private final ConfusionCounts confusion = new ConfusionCounts();
        private double weightSum;
        private double lossSum;
        private double labelSum;
        private double logisticSum;
        private double batchLossSum;
        private long batches;

        @Override
        public void update(float[] logits, float[] targets, float[] weights, int numRows, double batchLoss) {
            Labels.checkArrays(logits, numRows, targets, numRows, weights, numRows);
            for (int i = 0; i < numRows; i++) {
                double x = logits[i];
                float z = targets[i];
                float w = weights == null ? 1f : weights[i];
                double p = sigmoid(x);
                int classId = x > 0 ? 1 : 0;
                weightSum += w;
                lossSum += w * sigmoidCrossEntropy(x, z);
                accuracy.add(classId, z, w);
                labelSum += (double) w * z;
                logisticSum += w * p;
                confusion.add(classId == 1, z != 0f, w);
                auc.add((float) p, z, w);
            }
            batchLossSum += batchLoss;
            batches++;
        }

        @Override
        public Map<String, Double> results() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("accuracy", accuracy.accuracy());
            m.put("accuracy_baseline", Auc.divNoNan(Math.max(labelSum, weightSum - labelSum), weightSum));
            m.put("auc", auc.roc());
            m.put("auc_precision_recall", auc.pr());
            m.put("average_loss", Auc.divNoNan(lossSum, weightSum));
            m.put("label/mean", Auc.divNoNan(labelSum, weightSum));
            m.put("loss", Auc.divNoNan(batchLossSum, batches));
            m.put("precision", confusion.precision());
            m.put("prediction/mean", Auc.divNoNan(logisticSum, weightSum));
            m.put("recall", confusion.recall());
            return m;
        }
    }

    /** Validates the head's options. */
    @Override
    public int predictionWidth() {
        return 1;
    }

    @Override
    public void metricPredictions(float[] logits, int numRows, float[] out) {
        for (int r = 0; r < numRows; r++) {
            out[r] = (float) sigmoid(logits[r]);
        }
    }

    public static final class Builder {
        private List<String> labelVocabulary;

        private Builder() {}

        /** Two strings: the labels of class 0 and class 1. Null for none. */
        public Builder labelVocabulary(List<String> vocabulary) {
            this.labelVocabulary = vocabulary;
            return this;
        }

        public BinaryClassHead build() {
            return new BinaryClassHead(LabelVocabulary.of(labelVocabulary, 2));
        }
    }
}
