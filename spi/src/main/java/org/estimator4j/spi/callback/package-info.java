/**
 * Training callbacks: the plugin contract for code that runs inside an estimator's training loop. This package
 * depends on the JDK only, so a plugin compiled against it works with any estimator implementation of the same SPI
 * version.
 *
 * @since SPI 1
 */
package org.estimator4j.spi.callback;
