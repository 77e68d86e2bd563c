package org.estimator4j.spi.layer;

import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.ComponentProvider;

/**
 * Makes {@link Layer}s; registered under {@code META-INF/services/org.estimator4j.spi.layer.LayerProvider}.
 *
 * @since SPI 1
 */
public interface LayerProvider extends ComponentProvider<Layer> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.LAYER;
    }
}
