package org.estimator4j.store;

/**
 * One point of a metric's history.
 *
 * @param step the global step it was measured at
 * @param timeMs when it was logged, UTC epoch milliseconds
 */
public record MetricPoint(long step, double value, long timeMs) {}
