/**
 * Evaluation metrics as plugins: {@link Metric}, an accumulator updated once per batch, read with {@code result()} and
 * combined across threads with {@code merge}, and {@link MetricProvider}, its factory, registered under
 * {@code META-INF/services/org.estimator4j.spi.metric.MetricProvider}. {@link Metric} fixes the row-major layouts of
 * the labels, predictions and weights a metric receives. Like the rest of the SPI, this package depends on the JDK and
 * {@code org.estimator4j.spi} only; the built-in metrics of {@code estimators} and plugin jars implement it, and the
 * host creates metrics by name through {@code org.estimator4j.api.plugin.host.ComponentRegistry}.
 */
package org.estimator4j.spi.metric;
