package org.estimator4j.store.query;

/** One logged value of a metric: the step it belongs to, the value, and when it was logged (epoch ms). */
public record MetricPoint(long step, double value, long loggedMs) {}
