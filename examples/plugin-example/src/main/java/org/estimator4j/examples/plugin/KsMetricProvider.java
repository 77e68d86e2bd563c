package org.estimator4j.examples.plugin;

import java.util.List;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;

/**
 * {@code example.ks}: the Kolmogorov–Smirnov statistic of a binary classifier, the largest gap between the score
 * distributions of positives and negatives — credit risk's favourite separation measure.
 */
public final class KsMetricProvider implements MetricProvider {
    @Override
    public String name() {
        return "example.ks";
    }

    @Override
    public String description() {
        return "Kolmogorov-Smirnov statistic: max |TPR - FPR| over score thresholds (binary)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Metric create(Parameters p) {
        return new Ks();
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    /** Weighted score histograms of 1,000 bins per class: mergeable, and KS from their cumulative sums. */
    static final class Ks implements Metric {
        private static final int BINS = 1000;
        private double[] positives = new double[BINS];
        private double[] negatives = new double[BINS];

        @Override
        public void update(float[] labels, float[] predictions, float[] weights, int numRows, int width) {
            for (int r = 0; r < numRows; r++) {
                float p = predictions[r * width + width - 1];
                int bin = Math.min(BINS - 1, Math.max(0, (int) (p * BINS)));
                double w = weights == null ? 1 : weights[r];
                if (labels[r] > 0.5f) {
                    positives[bin] += w;
                } else {
                    negatives[bin] += w;
                }
            }
        }

        @Override
        public double result() {
            double totalPos = 0;
            double totalNeg = 0;
            for (int b = 0; b < BINS; b++) {
                totalPos += positives[b];
                totalNeg += negatives[b];
            }
            if (totalPos == 0 || totalNeg == 0) {
                return Double.NaN;
            }
            double cumPos = 0;
            double cumNeg = 0;
            double ks = 0;
            for (int b = 0; b < BINS; b++) {
                cumPos += positives[b];
                cumNeg += negatives[b];
                ks = Math.max(ks, Math.abs(cumNeg / totalNeg - cumPos / totalPos));
            }
            return ks;
        }

        @Override
        public void reset() {
            positives = new double[BINS];
            negatives = new double[BINS];
        }

        @Override
        public void merge(Metric other) {
            Ks o = (Ks) other;
            for (int b = 0; b < BINS; b++) {
                positives[b] += o.positives[b];
                negatives[b] += o.negatives[b];
            }
        }
    }
}
