/**
 * The built-in plugins, registered through the same SPI as plugin jars: losses ({@code builtin.loss}), metrics
 * ({@code builtin.metric}) and callbacks ({@code builtin.callback}). {@link BuiltinProvider} holds what their
 * providers share. The package depends on the spi module only; its subpackages build on it and on the rest of this
 * module (heads, checkpoints), and nothing outside them uses it.
 */
package org.estimator4j.estimators.builtin;
