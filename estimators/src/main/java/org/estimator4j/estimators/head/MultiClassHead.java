package org.estimator4j.estimators.head;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.estimator.Prediction;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.FixedWidthColumn;
import org.estimator4j.api.table.LongColumn;
import org.estimator4j.api.table.StringColumn;

/**
 * TensorFlow's {@code MultiClassHead} ({@code multi_class_head}): {@code n_classes} ≥ 3 logits per example, sparse
 * softmax cross-entropy loss with {@code sum_over_batch_size} reduction.
 *
 * <p>Labels: int64 class ids in [0, n_classes), or, with a {@code label_vocabulary} of n_classes strings, strings from
 * it. As in TensorFlow, other label types are an error (float labels are not class ids).
 *
 * <p>Per-example loss {@code logsumexp(x) - x[y]}, computed with the maximum subtracted; its gradient
 * {@code softmax(x) - onehot(y)}.
 *
 * <p>Predictions: {@code logits}, {@code probabilities} (softmax), {@code class_ids} (argmax, the first on ties),
 * {@code classes} (the vocabulary string or the id as a string). Eval metrics: {@code accuracy}, {@code average_loss}
 * (weighted means) and {@code loss} (unweighted mean of the batches' losses, the estimator's own metric).
 */
public final class MultiClassHead implements Head {
    private final int nClasses;
    private final LabelVocabulary vocabulary;

    private MultiClassHead(int nClasses, LabelVocabulary vocabulary) {
        this.nClasses = nClasses;
        this.vocabulary = vocabulary;
    }

    public static MultiClassHead create(int nClasses) {
        return builder(nClasses).build();
    }

    public static Builder builder(int nClasses) {
        return new Builder(nClasses);
    }

    public int nClasses() {
        return nClasses;
    }

    /** The label vocabulary, or null. */
    public List<String> labelVocabulary() {
        return vocabulary == null ? null : vocabulary.values();
    }

    @Override
    public int logitsDimension() {
        return nClasses;
    }

    @Override
    public int targetWidth() {
        return 1;
    }

    @Override
    public void readTargets(Batch labels, float[] targets) {
        FixedWidthColumn<?> c = Labels.singleScalar(labels, "MultiClassHead");
        int n = labels.numRows();
        Labels.checkTargets(targets, n);
        if (vocabulary != null) {
            if (!(c instanceof StringColumn s)) {
                throw new IllegalArgumentException("label_vocabulary " + vocabulary.values() + " is set, so labels "
                        + "must be strings; label column '" + c.name() + "' is " + Labels.typeName(c));
            }
            String[] v = s.values();
            for (int r = 0; r < n; r++) {
                targets[r] = vocabulary.id(v[r], labels, r, c.name());
            }
            return;
        }
        if (c instanceof StringColumn s) {
            throw new IllegalArgumentException("label column '" + c.name() + "' holds strings (row 0: '"
                    + (n > 0 ? s.values()[0] : "") + "'); set label_vocabulary to map them to class ids");
        }
        if (!(c instanceof LongColumn l)) {
            throw new IllegalArgumentException("label column '" + c.name() + "' is " + Labels.typeName(c)
                    + "; multi-class labels must be int64 class ids in [0, " + nClasses
                    + ") or strings with label_vocabulary");
        }
        long[] v = l.values();
        for (int r = 0; r < n; r++) {
            if (v[r] < 0 || v[r] >= nClasses) {
                throw new IllegalArgumentException(labels.rowName(r) + ": label " + v[r] + " in column '" + c.name()
                        + "' is not a class id in [0, " + nClasses + ")");
            }
            targets[r] = v[r];
        }
    }

    private int classId(float target, int row) {
        int y = (int) target;
        if (y != target || y < 0 || y >= nClasses) {
            throw new IllegalArgumentException(
                    "row " + row + ": target " + target + " is not a class id in [0, " + nClasses + ")");
        }
        return y;
    }

    @Override
    public double lossAndGradient(float[] logits, float[] targets, float[] weights, int numRows, float[] gradient) {
        int k = nClasses;
        Labels.checkArrays(logits, numRows * k, targets, numRows, weights, numRows);
        if (gradient == null || gradient.length < numRows * k) {
            throw new IllegalArgumentException("gradient needs at least " + numRows * k + " entries");
        }
        if (numRows == 0) {
            return 0;
        }
        double invN = 1.0 / numRows;
        double sum = 0;
        for (int i = 0; i < numRows; i++) {
            int y = classId(targets[i], i);
            int base = i * k;
            double w = weights == null ? 1 : weights[i];
            double max = rowMax(logits, base, k);
            double z = sumExp(logits, base, k, max);
            double logZ = Math.log(z);
            sum += w * (max + logZ - logits[base + y]);
            double scale = w * invN;
            for (int j = 0; j < k; j++) {
                double softmax = Math.exp(logits[base + j] - max - logZ);
                gradient[base + j] = (float) ((softmax - (j == y ? 1 : 0)) * scale);
            }
        }
        return sum * invN;
    }

    /** {@code sum_j exp(logits[base + j] - max)}: the softmax denominator, shifted by the row's max to stay finite. */
    private static double sumExp(float[] logits, int base, int k, double max) {
        double z = 0;
        for (int j = 0; j < k; j++) {
            z += Math.exp(logits[base + j] - max);
        }
        return z;
    }

    private static double rowMax(float[] logits, int base, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, logits[base + j]);
        }
        return max;
    }

    @Override
    public Prediction predict(float[] logits, int row) {
        int k = nClasses;
        int base = row * k;
        float[] rowLogits = Arrays.copyOfRange(logits, base, base + k);
        double max = rowMax(logits, base, k);
        double z = sumExp(logits, base, k, max);
        float[] probabilities = new float[k];
        for (int j = 0; j < k; j++) {
            probabilities[j] = (float) (Math.exp(logits[base + j] - max) / z);
        }
        int id = AccuracyCounts.argmax(logits, base, k);
        String cls = vocabulary == null ? Integer.toString(id) : vocabulary.get(id);
        return new Prediction(rowLogits, null, probabilities, new long[] {id}, new String[] {cls}, null);
    }

    @Override
    public EvalMetrics newEvalMetrics() {
        return new Metrics();
    }

    @Override
    public String toString() {
        return "MultiClassHead[n_classes=" + nClasses
                + (vocabulary == null ? "" : ", label_vocabulary=" + vocabulary.values()) + "]";
    }

    private final class Metrics implements EvalMetrics {
        private final AccuracyCounts accuracy = new AccuracyCounts();
        private double weightSum;
        private double lossSum;
        private double batchLossSum;
        private long batches;

        @Override
        public void update(float[] logits, float[] targets, float[] weights, int numRows, double batchLoss) {
            int k = nClasses;
            Labels.checkArrays(logits, numRows * k, targets, numRows, weights, numRows);
            for (int i = 0; i < numRows; i++) {
                int y = classId(targets[i], i);
                int base = i * k;
                double w = weights == null ? 1 : weights[i];
                double max = rowMax(logits, base, k);
                double z = sumExp(logits, base, k, max);
                weightSum += w;
                lossSum += w * (max + Math.log(z) - logits[base + y]);
                accuracy.add(AccuracyCounts.argmax(logits, base, k), y, w);
            }
            batchLossSum += batchLoss;
            batches++;
        }

        @Override
        public Map<String, Double> results() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("accuracy", accuracy.accuracy());
            m.put("average_loss", Auc.divNoNan(lossSum, weightSum));
            m.put("loss", Auc.divNoNan(batchLossSum, batches));
            return m;
        }
    }

    /** Validates the head's options. */
    @Override
    public int predictionWidth() {
        return nClasses;
    }

    @Override
    public void metricPredictions(float[] logits, int numRows, float[] out) {
        int k = nClasses;
        for (int r = 0; r < numRows; r++) {
            int base = r * k;
            double max = rowMax(logits, base, k);
            double sum = sumExp(logits, base, k, max);
            for (int j = 0; j < k; j++) {
                out[base + j] = (float) (Math.exp(logits[base + j] - max) / sum);
            }
        }
    }

    public static final class Builder {
        private final int nClasses;
        private List<String> labelVocabulary;

        private Builder(int nClasses) {
            this.nClasses = nClasses;
        }

        /** n_classes strings: the labels of classes 0, 1, ... Null for none. */
        public Builder labelVocabulary(List<String> vocabulary) {
            this.labelVocabulary = vocabulary;
            return this;
        }

        public MultiClassHead build() {
            if (nClasses < 3) {
                throw new IllegalArgumentException("n_classes must be at least 3 for MultiClassHead, got " + nClasses
                        + (nClasses == 2 ? "; use BinaryClassHead for 2 classes" : ""));
            }
            return new MultiClassHead(nClasses, LabelVocabulary.of(labelVocabulary, nClasses));
        }
    }
}
