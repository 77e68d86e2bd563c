package org.estimator4j.estimators.head;

import java.util.Arrays;

/**
 * Streaming, weighted area under the ROC and precision-recall curves, computed as {@code tf.keras.metrics.AUC} does
 * with its defaults (which TensorFlow's {@code BinaryClassHead} uses for its {@code auc} and
 * {@code auc_precision_recall} metrics): {@code num_thresholds} = 200 thresholds, {@code -1e-7}, {@code i / 199} for
 * i = 1..198 and {@code 1 + 1e-7}; a prediction counts as positive at a threshold when it is strictly greater.
 * Confusion counts are kept as Keras' evenly-spaced-threshold path keeps them: each prediction (clipped to [0, 1]) is
 * put in bucket {@code max(ceil(p * (T - 1)) - 1, 0)} (computed in float32, as TensorFlow does), and the counts at
 * threshold i are the sums over buckets ≥ i. A label counts as positive when it is non-zero (Keras casts labels to
 * bool).
 *
 * <p>{@link #roc()} is Keras' 'interpolation' summation for ROC: trapezoids, {@code Σ (fpr[i] - fpr[i+1]) *
 * (tpr[i] + tpr[i+1]) / 2}. {@link #pr()} is Keras' {@code interpolate_pr_auc}: true and false positives vary
 * linearly between thresholds (Davis & Goadrich 2006), integrated in closed form. Ratios with a zero denominator are 0
 * ({@code div_no_nan}), so with no negatives the ROC AUC is 0, as in TensorFlow. Counts are doubles here (float32
 * variables in TensorFlow).
 *
 * <p>{@link #exactRoc} computes the exact (sort-based) ROC AUC, for comparison.
 */
public final class Auc {
    /** Keras' default. */
    public static final int DEFAULT_NUM_THRESHOLDS = 200;

    private final int numThresholds;
    private final float scale;
    private final double[] positiveBuckets;
    private final double[] negativeBuckets;
    private double totalPositive;
    private double totalNegative;

    public Auc() {
        this(DEFAULT_NUM_THRESHOLDS);
    }

    public Auc(int numThresholds) {
        if (numThresholds <= 1) {
            throw new IllegalArgumentException("num_thresholds must be > 1, got " + numThresholds);
        }
        this.numThresholds = numThresholds;
        this.scale = numThresholds - 1;
        this.positiveBuckets = new double[numThresholds];
        this.negativeBuckets = new double[numThresholds];
    }

    public int numThresholds() {
        return numThresholds;
    }

    /** The thresholds, as Keras lists them: {@code -1e-7}, {@code i / (T - 1)} for i = 1..T-2, {@code 1 + 1e-7}. */
    public double[] thresholds() {
        double[] t = new double[numThresholds];
        for (int i = 1; i < numThresholds - 1; i++) {
            t[i] = (double) i / (numThresholds - 1);
        }
        t[0] = -1e-7;
        t[numThresholds - 1] = 1 + 1e-7;
        return t;
    }

    /** Adds one example: a predicted probability in [0, 1], its label (positive when non-zero) and weight. */
    public void add(float prediction, float label, float weight) {
        float p = prediction < 0f ? 0f : prediction > 1f ? 1f : prediction;
        int bucket = (int) Math.ceil(p * scale) - 1;
        if (bucket < 0) {
            bucket = 0;
        }
        if (label != 0f) {
            positiveBuckets[bucket] += weight;
            totalPositive += weight;
        } else {
            negativeBuckets[bucket] += weight;
            totalNegative += weight;
        }
    }

    /** Adds {@code n} examples; {@code weights} may be null (all 1). */
    public void addAll(float[] predictions, float[] labels, float[] weights, int n) {
        for (int i = 0; i < n; i++) {
            add(predictions[i], labels[i], weights == null ? 1f : weights[i]);
        }
    }

    public void reset() {
        Arrays.fill(positiveBuckets, 0);
        Arrays.fill(negativeBuckets, 0);
        totalPositive = 0;
        totalNegative = 0;
    }

    /** True positives at each threshold (weighted). */
    public double[] truePositives() {
        return reverseCumsum(positiveBuckets);
    }

    /** False positives at each threshold (weighted). */
    public double[] falsePositives() {
        return reverseCumsum(negativeBuckets);
    }

    /**
     * Adds {@code other}'s counts to this one's, so that accumulators filled on separate threads give the area of all
     * their examples together.
     *
     * @throws IllegalArgumentException when {@code other} has another number of thresholds
     */
    public void merge(Auc other) {
        if (other.numThresholds != numThresholds) {
            throw new IllegalArgumentException("cannot merge an AUC of " + other.numThresholds + " thresholds into one "
                    + "of " + numThresholds + "; merge accumulators created with the same num_thresholds");
        }
        for (int i = 0; i < numThresholds; i++) {
            positiveBuckets[i] += other.positiveBuckets[i];
            negativeBuckets[i] += other.negativeBuckets[i];
        }
        totalPositive += other.totalPositive;
        totalNegative += other.totalNegative;
    }

    /** The weight of the positive examples added so far. */
    public double totalPositive() {
        return totalPositive;
    }

    /** The weight of the negative examples added so far. */
    public double totalNegative() {
        return totalNegative;
    }

    /** The area under the ROC curve, Keras' 'interpolation' (trapezoidal) summation. */
    public double roc() {
        return roc(truePositives(), falsePositives(), totalPositive, totalNegative);
    }

    /** The area under the precision-recall curve, Keras' {@code interpolate_pr_auc}. */
    public double pr() {
        return pr(truePositives(), falsePositives(), totalPositive);
    }

    /**
     * Keras' trapezoidal ROC area from the (weighted) true and false positives at thresholds in increasing order:
     * index 0 counts the most examples as positive, the last the fewest. Any thresholds work, not only Keras' evenly
     * spaced ones: at every distinct score (and one above them all) it is the exact, rank-based area.
     */
    public static double roc(double[] tp, double[] fp, double totalPositive, double totalNegative) {
        double area = 0;
        double xPrev = 0;
        double yPrev = 0;
        for (int i = 0; i < tp.length; i++) {
            double fn = totalPositive - tp[i];
            double tn = totalNegative - fp[i];
            double x = divNoNan(fp[i], fp[i] + tn);
            double y = divNoNan(tp[i], tp[i] + fn);
            if (i > 0) {
                area += (xPrev - x) * (yPrev + y) / 2;
            }
            xPrev = x;
            yPrev = y;
        }
        return area;
    }

    /**
     * Keras' {@code interpolate_pr_auc} (Davis &amp; Goadrich 2006) from true and false positives at thresholds in
     * increasing order, as {@link #roc(double[], double[], double, double)} takes them.
     */
    public static double pr(double[] tp, double[] fp, double totalPositive) {
        double area = 0;
        for (int i = 0; i < tp.length - 1; i++) {
            double dtp = tp[i] - tp[i + 1];
            double pA = tp[i] + fp[i];
            double pB = tp[i + 1] + fp[i + 1];
            double dp = pA - pB;
            double slope = divNoNan(dtp, Math.max(dp, 0));
            double intercept = tp[i + 1] - slope * pB;
            double ratio = pA > 0 && pB > 0 ? divNoNan(pA, Math.max(pB, 0)) : 1;
            double fnB = totalPositive - tp[i + 1];
            area += divNoNan(slope * (dtp + intercept * Math.log(ratio)), Math.max(tp[i + 1] + fnB, 0));
        }
        return area;
    }

    private static double[] reverseCumsum(double[] buckets) {
        double[] out = new double[buckets.length];
        double sum = 0;
        for (int i = buckets.length - 1; i >= 0; i--) {
            sum += buckets[i];
            out[i] = sum;
        }
        return out;
    }

    static double divNoNan(double x, double y) {
        return y == 0 ? 0 : x / y;
    }

    /**
     * The exact weighted ROC AUC: the weighted probability that a positive example (label non-zero) scores above a
     * negative one, ties counting one half. NaN when either class has no weight. {@code weights} may be null.
     */
    public static double exactRoc(float[] scores, float[] labels, float[] weights, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
        double positiveAbove = 0;
        double totalPos = 0;
        double totalNeg = 0;
        double area = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            double groupPos = 0;
            double groupNeg = 0;
            while (j < n && Float.compare(scores[order[j]], scores[order[i]]) == 0) {
                int k = order[j];
                double w = weights == null ? 1 : weights[k];
                if (labels[k] != 0f) {
                    groupPos += w;
                } else {
                    groupNeg += w;
                }
                j++;
            }
            area += groupNeg * (positiveAbove + groupPos / 2);
            positiveAbove += groupPos;
            totalPos += groupPos;
            totalNeg += groupNeg;
            i = j;
        }
        return totalPos == 0 || totalNeg == 0 ? Double.NaN : area / (totalPos * totalNeg);
    }
}
