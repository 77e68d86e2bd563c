package org.estimator4j.spi.loss;

/**
 * A training loss over a batch, per example: the head feeds it the model's logits and the labels, and applies the
 * example weights and the reduction (mean over the batch by default) itself. Implementations run on the training
 * thread once per step: loop over the arrays, allocate nothing per example.
 *
 * <p>Layouts, row-major: {@code logits} is {@code numRows × logitsDimension}; {@code labels} holds one class id per
 * row for classifiers (0 or 1 for binary) or {@code labelDimension} values per row for regressors;
 * {@code losses[r]} receives example r's loss and {@code gradient} (same layout as logits) d(loss_r)/d(logits_r).
 *
 * @since SPI 1
 */
public interface Loss {
    void compute(float[] logits, float[] labels, int numRows, int logitsDimension, float[] losses, float[] gradient);
}
