/**
 * An example plugin jar with one component of each kind, registered in {@code META-INF/services} under
 * {@code example.*} names: {@link FocalLossProvider} ({@code example.focal_loss}, a binary focal loss),
 * {@link KsMetricProvider} ({@code example.ks}, the Kolmogorov-Smirnov statistic), {@link GatedDenseLayerProvider}
 * ({@code example.gated_dense}, a gated linear unit) and {@link JsonLinesLoggerProvider} ({@code example.jsonl_logger},
 * a callback that appends the loss and evaluations to a JSON-lines file). It compiles against the spi module alone
 * ({@code provided} scope), as every plugin must, and the host loads it from a plugins folder through its plugin
 * registry. Nothing in the product depends on it.
 */
package org.estimator4j.examples.plugin;
