/**
 * Training losses as plugins: {@link Loss}, which writes each example's loss and its gradient with respect to that
 * example's logits for a whole batch, and {@link LossProvider}, its factory, registered under
 * {@code META-INF/services/org.estimator4j.spi.loss.LossProvider}. The head applies the example weights and the
 * reduction itself, so a loss works per example, on row-major arrays, without allocating. Like the rest of the SPI,
 * this package depends on the JDK and {@code org.estimator4j.spi} only; the built-in losses of {@code estimators} and
 * plugin jars implement it, and the host creates losses by name through
 * {@code org.estimator4j.api.plugin.host.ComponentRegistry}.
 */
package org.estimator4j.spi.loss;
