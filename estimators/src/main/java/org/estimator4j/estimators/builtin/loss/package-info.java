/**
 * The built-in training losses, registered through the same SPI as plugin losses ({@code META-INF/services/
 * org.estimator4j.spi.loss.LossProvider}) under Keras' names: {@code binary_crossentropy}, {@code
 * categorical_crossentropy}, {@code sparse_categorical_crossentropy}, {@code mean_squared_error}, {@code
 * mean_absolute_error}, {@code huber}, {@code log_cosh}, {@code poisson}, {@code hinge} and {@code
 * binary_focal_crossentropy}.
 *
 * <p>Every loss here works from logits, as Keras' {@code from_logits=True} (the estimators' models output logits),
 * in numerically stable forms, and writes each example's loss and its gradient with respect to that example's logits.
 * A loss of several values per example (a regressor's label dimension) writes their <em>sum</em>: the head divides the
 * weighted sum over the batch by {@code numRows × label_dimension}, so the training loss is the mean over all values,
 * which is Keras' mean over the last axis averaged over the batch.
 */
package org.estimator4j.estimators.builtin.loss;
