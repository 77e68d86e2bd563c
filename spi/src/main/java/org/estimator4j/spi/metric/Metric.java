package org.estimator4j.spi.metric;

/**
 * An evaluation metric that accumulates over batches, like a Keras metric: {@link #update} per batch,
 * {@link #result()} at the end; {@link #merge} combines two accumulators of the same metric so evaluation can run on
 * several threads. Not thread-safe: one instance per thread.
 *
 * <p>Layouts, row-major: {@code labels} holds one class id per row for classifiers or {@code labelDimension} values
 * per row for regressors; {@code predictions} holds, per row, the probability of class 1 for binary classifiers,
 * {@code n_classes} probabilities for multi-class ones, and the predicted values for regressors ({@code width} values
 * per row in every case); {@code weights} is one weight per row, or null for all 1.
 *
 * @since SPI 1
 */
public interface Metric {
    void update(float[] labels, float[] predictions, float[] weights, int numRows, int width);

    /** The value so far (NaN when undefined, e.g. before any update). */
    double result();

    void reset();

    /** Adds {@code other}'s accumulated state (an instance from the same provider and parameters) to this one. */
    void merge(Metric other);
}
