/**
 * The built-in training callbacks, registered through the same SPI as plugin callbacks ({@code META-INF/services/
 * org.estimator4j.spi.callback.CallbackProvider}) under Keras' names: {@code early_stopping}, {@code
 * reduce_lr_on_plateau}, {@code model_checkpoint}, {@code learning_rate_scheduler}, {@code csv_logger}, {@code
 * terminate_on_nan}, {@code backup_and_restore} and {@code progress_bar}.
 *
 * <p>The estimators count steps, not epochs, so where a Keras callback acts at the end of an epoch these act on
 * <em>evaluations</em> (train-and-evaluate's, {@link org.estimator4j.spi.callback.Callback#onEvaluation}) or every N
 * steps. The metrics they monitor are the evaluation's, by their names ({@code loss}, {@code auc}, ...); Keras'
 * {@code val_} prefix is accepted and dropped ({@code val_loss} monitors the evaluation's {@code loss}). A callback
 * that monitors evaluations does nothing when training runs without them ({@code train} alone).
 *
 * <p>Learning rates are known to a callback only as the multiplier of every optimizer's configured rate
 * ({@link org.estimator4j.spi.callback.TrainingContext#learningRateMultiplier()}), so schedules and reductions are
 * expressed as multipliers, and a new {@code train} call starts at 1 again.
 */
package org.estimator4j.estimators.builtin.callback;
