/**
 * The built-in evaluation metrics, registered through the same SPI as plugin metrics ({@code META-INF/services/
 * org.estimator4j.spi.metric.MetricProvider}): {@code accuracy}, {@code binary_accuracy}, {@code auc}, {@code
 * precision}, {@code recall}, {@code f1}, {@code log_loss}, {@code mse}, {@code rmse}, {@code mae}, {@code r2},
 * {@code mean} and {@code ks}.
 *
 * <p>They follow Keras' metrics (weights multiply each example's contribution; ratios with a zero denominator are 0,
 * as Keras' {@code div_no_nan}), except that every metric is NaN before it has seen any weight, as the SPI asks.
 * Each keeps sums (or, for the exact rankings, the scores themselves), so {@code merge} of accumulators over parts
 * of the data gives exactly the result of one accumulator over all of it.
 *
 * <p>Which predictions they read is the SPI's layout: for a binary classifier the probability of class 1 (width 1),
 * for a multi-class one the class probabilities with a class id as the label, for a regressor the predicted values
 * with as many labels. The binary metrics ({@code binary_accuracy}, {@code auc}, {@code precision}, {@code recall},
 * {@code f1}, {@code ks}) refuse other widths; a label counts as positive when it is non-zero, as Keras casts labels
 * to bool.
 */
package org.estimator4j.estimators.builtin.metric;
