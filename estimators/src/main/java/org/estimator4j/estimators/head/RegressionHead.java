package org.estimator4j.estimators.head;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.estimator4j.api.estimator.Prediction;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.Column;
import org.estimator4j.api.table.DoubleColumn;
import org.estimator4j.api.table.FixedWidthColumn;
import org.estimator4j.api.table.FloatColumn;
import org.estimator4j.api.table.LongColumn;

/**
 * TensorFlow's {@code RegressionHead} ({@code regression_head}): {@code label_dimension} d ≥ 1 outputs per example,
 * mean squared error with {@code sum_over_batch_size} reduction, i.e. the weighted sum of squared errors divided by
 * {@code numRows * d}; gradient {@code 2 (prediction - label) w / (numRows d)}.
 *
 * <p>Labels: float32, float64 or int64, either one column of width d or d scalar columns (in order). Predictions:
 * {@code predictions} (the logits, no inverse link).
 *
 * <p>Eval metrics: TensorFlow's {@code average_loss} (weighted mean squared error over all n × d values),
 * {@code label/mean}, {@code prediction/mean} (weighted means over all values) and {@code loss} (the estimator's
 * unweighted mean of batch losses); and, not in TensorFlow's head, {@code rmse} (= sqrt(average_loss)), {@code mae}
 * (weighted mean absolute error) and {@code r2} (weighted coefficient of determination {@code 1 - SS_res / SS_tot},
 * averaged over the d outputs with equal weight as scikit-learn's 'uniform_average'; an output whose labels do not
 * vary scores 1 when predicted exactly and 0 otherwise, as scikit-learn).
 */
public final class RegressionHead implements Head {
    private final int labelDimension;

    private RegressionHead(int labelDimension) {
        this.labelDimension = labelDimension;
    }

    /** A head with label_dimension 1. */
    public static RegressionHead create() {
        return new RegressionHead(1);
    }

    public static RegressionHead create(int labelDimension) {
        return builder().labelDimension(labelDimension).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int labelDimension() {
        return labelDimension;
    }

    @Override
    public int logitsDimension() {
        return labelDimension;
    }

    @Override
    public int targetWidth() {
        return labelDimension;
    }

    @Override
    public void readTargets(Batch labels, float[] targets) {
        if (labels == null) {
            throw new IllegalArgumentException("RegressionHead needs labels, got none");
        }
        int d = labelDimension;
        int n = labels.numRows();
        Labels.checkTargets(targets, n * d);
        int columns = labels.schema().size();
        if (columns == 1 && labels.column(0) instanceof FixedWidthColumn<?> f && f.width() == d) {
            read(labels, f, 0, d, n, targets);
            return;
        }
        if (columns == d) {
            for (int j = 0; j < d; j++) {
                Column c = labels.column(j);
                if (!(c instanceof FixedWidthColumn<?> f) || f.width() != 1) {
                    throw new IllegalArgumentException("label_dimension is " + d + " and there are " + d
                            + " label columns, so each must hold one value per row; " + c.field() + " does not");
                }
                read(labels, f, j, d, n, targets);
            }
            return;
        }
        throw new IllegalArgumentException("label_dimension is " + d + ": labels must be one column of width " + d
                + " or " + d + " scalar columns; got " + labels.schema());
    }

    /** Copies column {@code c} (width {@code d} when offset is 0 and it is the only column, else width 1). */
    private static void read(Batch labels, FixedWidthColumn<?> c, int offset, int d, int n, float[] targets) {
        Labels.checkNotMissing(labels, c);
        int width = c.width();
        if (c instanceof FloatColumn f) {
            float[] v = f.values();
            for (int r = 0; r < n; r++) {
                for (int k = 0; k < width; k++) {
                    targets[r * d + offset + k] = check(v[r * width + k], labels, c, r);
                }
            }
        } else if (c instanceof DoubleColumn dc) {
            double[] v = dc.values();
            for (int r = 0; r < n; r++) {
                for (int k = 0; k < width; k++) {
                    targets[r * d + offset + k] = check(v[r * width + k], labels, c, r);
                }
            }
        } else if (c instanceof LongColumn l) {
            long[] v = l.values();
            for (int r = 0; r < n; r++) {
                for (int k = 0; k < width; k++) {
                    targets[r * d + offset + k] = v[r * width + k];
                }
            }
        } else {
            throw new IllegalArgumentException("label column '" + c.name() + "' is " + Labels.typeName(c)
                    + "; regression labels must be float32, float64 or int64");
        }
    }

    // The README's non-finite policy: a NaN or infinite label (or one beyond float32) is refused, naming its row.
    private static float check(double value, Batch labels, Column c, int row) {
        float f = (float) value;
        if (!Float.isFinite(f)) {
            throw new IllegalArgumentException(labels.rowName(row) + ": label " + value + " in column '" + c.name()
                    + "' is not a finite float32 number; fix or drop the row");
        }
        return f;
    }

    @Override
    public double lossAndGradient(float[] logits, float[] targets, float[] weights, int numRows, float[] gradient) {
        int d = labelDimension;
        int size = numRows * d;
        Labels.checkArrays(logits, size, targets, size, weights, numRows);
        if (gradient == null || gradient.length < size) {
            throw new IllegalArgumentException("gradient needs at least " + size + " entries");
        }
        if (numRows == 0) {
            return 0;
        }
        double inv = 1.0 / size;
        double sum = 0;
        for (int i = 0; i < numRows; i++) {
            double w = weights == null ? 1 : weights[i];
            int base = i * d;
            for (int j = base; j < base + d; j++) {
                double e = (double) logits[j] - targets[j];
                sum += w * e * e;
                gradient[j] = (float) (2 * e * w * inv);
            }
        }
        return sum * inv;
    }

    @Override
    public Prediction predict(float[] logits, int row) {
        int base = row * labelDimension;
        return Prediction.regression(Arrays.copyOfRange(logits, base, base + labelDimension));
    }

    @Override
    public EvalMetrics newEvalMetrics() {
        return new Metrics(labelDimension);
    }

    @Override
    public String toString() {
        return "RegressionHead[label_dimension=" + labelDimension + "]";
    }

    private static final class Metrics implements EvalMetrics {
        private final int d;
        private double weightSum;
        private double squaredErrorSum;
        private double absoluteErrorSum;
        private double labelSum;
        private double predictionSum;
        private double batchLossSum;
        private long batches;
        // Per output, for r2: weighted running mean and sum of squared deviations of the labels (West 1979), and the
        // weighted sum of squared residuals.
        private final double[] labelMean;
        private final double[] labelM2;
        private final double[] residualSum;

        Metrics(int d) {
            this.d = d;
            this.labelMean = new double[d];
            this.labelM2 = new double[d];
            this.residualSum = new double[d];
        }

        @Override
        public void update(float[] logits, float[] targets, float[] weights, int numRows, double batchLoss) {
            int size = numRows * d;
            Labels.checkArrays(logits, size, targets, size, weights, numRows);
            for (int i = 0; i < numRows; i++) {
                double w = weights == null ? 1 : weights[i];
                weightSum += w;
                int base = i * d;
                for (int j = 0; j < d; j++) {
                    double p = logits[base + j];
                    double y = targets[base + j];
                    double e = p - y;
                    squaredErrorSum += w * e * e;
                    absoluteErrorSum += w * Math.abs(e);
                    labelSum += w * y;
                    predictionSum += w * p;
                    residualSum[j] += w * e * e;
                    if (w != 0 && weightSum != 0) {
                        double delta = y - labelMean[j];
                        labelMean[j] += w / weightSum * delta;
                        labelM2[j] += w * delta * (y - labelMean[j]);
                    }
                }
            }
            batchLossSum += batchLoss;
            batches++;
        }

        @Override
        public Map<String, Double> results() {
            double count = weightSum * d;
            double averageLoss = Auc.divNoNan(squaredErrorSum, count);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("average_loss", averageLoss);
            m.put("label/mean", Auc.divNoNan(labelSum, count));
            m.put("loss", Auc.divNoNan(batchLossSum, batches));
            m.put("mae", Auc.divNoNan(absoluteErrorSum, count));
            m.put("prediction/mean", Auc.divNoNan(predictionSum, count));
            double r2 = 0;
            for (int j = 0; j < d; j++) {
                r2 += labelM2[j] > 0 ? 1 - residualSum[j] / labelM2[j] : residualSum[j] == 0 ? 1 : 0;
            }
            m.put("r2", r2 / d);
            m.put("rmse", Math.sqrt(averageLoss));
            return m;
        }
    }

    /** Validates the head's options. */
    public static final class Builder {
        private int labelDimension = 1;

        private Builder() {}

        public Builder labelDimension(int labelDimension) {
            this.labelDimension = labelDimension;
            return this;
        }

        public RegressionHead build() {
            if (labelDimension < 1) {
                throw new IllegalArgumentException("label_dimension must be at least 1, got " + labelDimension);
            }
            return new RegressionHead(labelDimension);
        }
    }

    @Override
    public int predictionWidth() {
        return labelDimension;
    }

    @Override
    public void metricPredictions(float[] logits, int numRows, float[] out) {
        System.arraycopy(logits, 0, out, 0, numRows * labelDimension);
    }
}
