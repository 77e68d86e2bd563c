/**
 * Trainable layers as plugins: {@link Layer}, which a DNN stacks after its hidden layers and which runs its forward and
 * backward passes over plain row-major float arrays, and {@link LayerProvider}, its factory, registered under
 * {@code META-INF/services/org.estimator4j.spi.layer.LayerProvider}. The host owns the variables a layer's
 * {@code build} returns: it trains and checkpoints them, and the layer keeps reading them. Like the rest of the SPI,
 * this package depends on the JDK and {@code org.estimator4j.spi} only; plugin jars implement it, and the DNN models of
 * {@code estimators} create the layers a config names through {@code org.estimator4j.api.plugin.host.ComponentRegistry}.
 */
package org.estimator4j.spi.layer;
