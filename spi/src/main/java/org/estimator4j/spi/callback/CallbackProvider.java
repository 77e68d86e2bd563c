package org.estimator4j.spi.callback;

import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.ComponentProvider;

/**
 * Makes {@link Callback}s; registered under {@code META-INF/services/org.estimator4j.spi.callback.CallbackProvider}.
 *
 * @since SPI 1
 */
public interface CallbackProvider extends ComponentProvider<Callback> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.CALLBACK;
    }
}
