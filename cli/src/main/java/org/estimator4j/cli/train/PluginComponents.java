package org.estimator4j.cli.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.estimator4j.api.plugin.ComponentRegistry;
import org.estimator4j.api.plugin.PluginException;
import org.estimator4j.cli.config.Components;
import org.estimator4j.cli.config.ConfigException;
import org.estimator4j.estimators.dnn.LayerFactory;
import org.estimator4j.spi.ComponentKind;

/**
 * The components experiment commands use: the plugin registry (built-ins, class-path plugins and the jars of the
 * plugins folder). The registry stays open for the whole command: plugin components may load classes late.
 */
public final class PluginComponents implements Components {
    private final ComponentRegistry registry;

    private PluginComponents(ComponentRegistry registry) {
        this.registry = registry;
    }

    public static Components load(Optional<Path> pluginsDir) {
        try {
            return new PluginComponents(ComponentRegistry.load(pluginsDir));
        } catch (PluginException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    @Override
    public <T> T create(ComponentKind kind, Class<T> type, String name, Map<String, Object> params,
            String configPath) {
        try {
            return registry.create(kind, type, name, params, configPath);
        } catch (PluginException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    @Override
    public String origin(ComponentKind kind, String name) {
        return registry.origin(kind, name);
    }

    @Override
    public LayerFactory layers() {
        return (type, params) -> {
            try {
                return registry.createLayer(type, params, null);
            } catch (PluginException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        };
    }
}
