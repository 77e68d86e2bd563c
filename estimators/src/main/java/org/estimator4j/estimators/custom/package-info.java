/**
 * Custom estimators (TensorFlow's {@code model_fn}): a network the user brings, here a Deeplearning4j
 * {@code MultiLayerConfiguration}, trained behind the same {@code Model} / {@code Head} seam as the premade models.
 * {@link CustomEstimator} builds the estimator; {@code Dl4jNetworkPart} is the {@code Model}: the feature columns'
 * dense input in, the network's output as logits, the head's d(loss)/d(logits) back-propagated by DL4J and applied
 * by the network's own updater. The package depends on the api and feature-columns modules, on
 * {@code org.estimator4j.estimators} and {@code head}, and on deeplearning4j-nn and nd4j-api.
 */
package org.estimator4j.estimators.custom;
