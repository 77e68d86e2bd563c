/**
 * A model directory's checkpoints: {@link Checkpoints} writes and reads {@code ckpt-<step>.e4j} files of named float
 * arrays and the global step, each with a CRC32C of its contents, and keeps the newest few. A checkpoint is written to
 * a temporary file, forced to disk and renamed into place, so a killed process leaves the previous checkpoint whole.
 * The package depends on the JDK alone. {@code ModelEstimator}, the {@code serving} package's {@code Predictor} and the
 * built-in {@code model_checkpoint} callback use it; outside this module only the benchmarks do (the CLI reaches
 * checkpoints through the estimators).
 */
package org.estimator4j.estimators.checkpoint;
