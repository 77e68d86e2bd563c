/**
 * What a model's logits mean, as {@code tf.estimator} heads: the {@link Head} interface (labels, the loss and its
 * gradient with respect to the logits, predictions, {@link EvalMetrics} with TensorFlow's names) and the canned heads
 * {@link BinaryClassHead}, {@link MultiClassHead} and {@link RegressionHead}, created by {@link Heads}. Heads can be
 * changed in one aspect each: a plugin loss ({@link CustomLoss}), a {@link LossReduction}, plugin metrics added to the
 * evaluation ({@link MetricsHead}); {@link Auc} is the Keras-compatible streaming AUC behind the binary head's
 * {@code auc} metrics and the built-in {@code auc} metric, as {@link AccuracyCounts} and {@link ConfusionCounts} are
 * behind the heads' accuracy, precision and recall and the built-in metrics of those names. The package depends only on the api module
 * ({@code api.estimator}, {@code api.table}) and on the spi's loss and metric contracts. Every premade estimator,
 * {@code ModelEstimator}, {@code serving} and {@code builtin.metric} use it; outside this module only the CLI does, to
 * set a head's loss and its reduction from a config.
 */
package org.estimator4j.estimators.head;
