package org.estimator4j.spi;

import java.util.List;

/**
 * A named factory of one kind of component, found through {@link java.util.ServiceLoader}: a plugin jar lists its
 * providers in {@code META-INF/services/} under the kind's interface ({@code org.estimator4j.spi.loss.LossProvider},
 * ...). The host reads the name, description and parameters to list and validate, and calls {@link #create} with
 * checked parameters whenever a config or a saved model names the component.
 *
 * <p>Providers must have a public no-argument constructor and be cheap to construct: the host instantiates every
 * provider it finds to list it. They must be thread-safe ({@code create} may be called from several threads).
 *
 * @param <T> what the provider makes
 * @since SPI 1
 */
public interface ComponentProvider<T> {
    /**
     * The namespaced name configs use, e.g. {@code acme.focal_loss}: lower case, dot-separated, the first segment the
     * plugin's namespace. Built-ins use plain names ({@code binary_crossentropy}).
     */
    String name();

    /** One sentence on what the component does, shown by {@code e4j plugins list}. */
    String description();

    ComponentKind kind();

    /** The parameters {@link #create} accepts, in the order documentation shows them. */
    List<ParameterSpec> parameters();

    /** A new component from checked parameters. */
    T create(Parameters parameters);

    /**
     * The SPI version the plugin was compiled against: implement it as {@code return SpiVersion.CURRENT;} so the
     * constant is compiled into the plugin.
     */
    int spiVersion();
}
