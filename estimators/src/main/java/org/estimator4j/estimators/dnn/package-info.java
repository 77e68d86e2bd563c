/**
 * TensorFlow's DNN estimators: {@link DNNClassifier} and {@link DNNRegressor}, whose options ({@link DnnOptions},
 * {@link DnnBuilder}, {@link Activation}) the wide-and-deep estimators share, and {@link DnnPart}, the feed-forward
 * network over dense feature columns (embeddings trained with it) that implements the estimators' {@code Model}. Plugin
 * layers stack after the hidden layers as {@link CustomLayer}s, created again by a {@link LayerFactory} when a saved
 * model loads; {@link OpenBlasKernels} picks the OpenBLAS kernels the dense layers run on, and package-private classes
 * hold the hot path, one job each: the input and embedding tables ({@code DnnInputs}), the layer stack
 * ({@code DnnNetwork}, {@code DenseLayer}, {@code Dropout}, {@code BatchNorm}), the row lanes threads take
 * ({@code RowLanes}, {@code RowLane}, {@code WholeBatchBuffers}), the variables and optimizer step
 * ({@code DnnParameters}, {@code Parameter}) and the BLAS calls ({@code Blas}). The package depends on
 * the api, spi ({@code spi.layer}) and feature-columns modules, on OpenBLAS (through JavaCPP, the build ND4J ships),
 * and on {@code org.estimator4j.estimators}, {@code head}, {@code optimizer} and {@code internal} (the lane workers); {@code widedeep} and
 * {@code serving} build on it, and outside this module only the CLI (whose {@code doctor} reads
 * {@link OpenBlasKernels}) and the benchmarks use it.
 */
package org.estimator4j.estimators.dnn;
