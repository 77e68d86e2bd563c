package org.estimator4j.spi.loss;

import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.ComponentProvider;

/**
 * Makes {@link Loss}es; registered under {@code META-INF/services/org.estimator4j.spi.loss.LossProvider}.
 *
 * @since SPI 1
 */
public interface LossProvider extends ComponentProvider<Loss> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.LOSS;
    }
}
