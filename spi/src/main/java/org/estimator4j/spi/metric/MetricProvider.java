package org.estimator4j.spi.metric;

import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.ComponentProvider;

/**
 * Makes {@link Metric}s; registered under {@code META-INF/services/org.estimator4j.spi.metric.MetricProvider}.
 *
 * @since SPI 1
 */
public interface MetricProvider extends ComponentProvider<Metric> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.METRIC;
    }
}
