package org.estimator4j.cli.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.estimator4j.api.plugin.PluginException;
import org.estimator4j.api.plugin.host.ComponentRegistry;
import org.estimator4j.cli.config.Components;
import org.estimator4j.cli.config.ConfigException;
import org.estimator4j.cli.plugins.PluginRegistries;
import org.estimator4j.estimators.dnn.LayerFactory;
import org.estimator4j.spi.ComponentKind;

/**
 * The components experiment commands use: the plugin registry (built-ins, class-path plugins and the jars of the
 * plugins folder). The registry is loaded when a config first names a component, not before: loading constructs
 * every provider (their names are instance methods), so commands and configs that name none run no plugin code. Once
 * loaded it stays open for the whole command: plugin components may load classes late.
 */
public final class PluginComponents implements Components {
    private final Optional<Path> pluginsDir;
    private final PluginRegistries registries;
    private ComponentRegistry registry;

    private PluginComponents(Optional<Path> pluginsDir, PluginRegistries registries) {
        this.pluginsDir = pluginsDir;
        this.registries = registries;
    }

    /** The components of the registry {@code registries} loads for {@code pluginsDir}, when first needed. */
    public static Components load(Optional<Path> pluginsDir, PluginRegistries registries) {
        try {
            ComponentRegistry.resolvePluginsDir(pluginsDir, System.getenv()); // a missing folder is refused now
        } catch (PluginException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        return new PluginComponents(pluginsDir, registries);
    }

    /** The registry, loaded on first use. */
    private synchronized ComponentRegistry registry() {
        if (registry == null) {
            try {
                registry = registries.load(pluginsDir);
            } catch (PluginException e) {
                throw new ConfigException(e.getMessage(), e);
            }
        }
        return registry;
    }

    @Override
    public <T> T create(ComponentKind kind, Class<T> type, String name, Map<String, Object> params, String configPath) {
        try {
            return registry().create(kind, type, name, params, configPath);
        } catch (PluginException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    @Override
    public String origin(ComponentKind kind, String name) {
        return registry().origin(kind, name);
    }

    @Override
    public LayerFactory layers() {
        return (type, params) -> {
            try {
                return registry().createLayer(type, params, null);
            } catch (PluginException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        };
    }
}
