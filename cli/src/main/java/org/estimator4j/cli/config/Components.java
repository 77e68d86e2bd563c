package org.estimator4j.cli.config;

import java.util.Map;
import org.estimator4j.estimators.dnn.LayerFactory;
import org.estimator4j.spi.ComponentKind;

/**
 * Where a config's named components (losses, metrics, layers, callbacks) come from: the plugin registry, built-ins
 * included. Creating validates the parameters against the provider's declaration.
 */
public interface Components {
    /**
     * A new component of provider {@code name}.
     *
     * @param configPath where the config names it, for error messages ({@code experiment.json.estimator.loss})
     * @throws ConfigException for an unknown name (with close matches) or bad parameters
     */
    <T> T create(ComponentKind kind, Class<T> type, String name, Map<String, Object> params, String configPath);

    /** Where provider {@code name} comes from: its plugin jar's file name, or {@code built-in} / {@code classpath}. */
    String origin(ComponentKind kind, String name);

    /** Plugin layers for models being loaded (bundles, model directories). */
    default LayerFactory layers() {
        return (type, params) ->
                create(ComponentKind.LAYER, org.estimator4j.spi.layer.Layer.class, type, params, "the saved model");
    }
}
