package org.estimator4j.estimators.builtin.metric;

import org.estimator4j.spi.metric.Metric;

/**
 * A weighted mean kept as two sums, written once for the metrics that are one ({@code log_loss}, {@code mse},
 * {@code rmse}, {@code mae}, {@code mean}): subclasses add to {@link #sum} and {@link #total} in {@code update};
 * the result (NaN before any weight), reset and merge are here. Merging sums keeps the result of one accumulator over
 * all the data exactly.
 */
abstract class WeightedMean implements Metric {
    private final String name;
    /** The weighted values seen so far. */
    double sum;
    /** Their weights. */
    double total;

    WeightedMean(String name) {
        this.name = name;
    }

    /** {@code sum / total}, NaN before any weight. */
    double mean() {
        return total == 0 ? Double.NaN : sum / total;
    }

    @Override
    public double result() {
        return mean();
    }

    @Override
    public final void reset() {
        sum = 0;
        total = 0;
    }

    @Override
    public final void merge(Metric other) {
        WeightedMean o = Metrics.sameKind(name, getClass(), other);
        checkSameParameters(o);
        sum += o.sum;
        total += o.total;
    }

    /** Refuses to merge {@code other} when it was created with other parameters; none by default. */
    void checkSameParameters(WeightedMean other) {}

    String name() {
        return name;
    }
}
