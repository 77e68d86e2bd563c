package org.estimator4j.cli.plugins;

import java.nio.file.Path;
import java.util.Optional;
import org.estimator4j.api.plugin.PluginException;
import org.estimator4j.api.plugin.host.ComponentRegistry;

/**
 * How commands get the plugin registry: the built-ins, the class path's providers and the jars of a plugins folder
 * ({@code --plugins DIR}, else the config's {@code plugins.dir}, else {@code E4J_PLUGINS_DIR}). Bound by
 * {@code wiring.PluginModule} to {@link ComponentRegistry#load}; the caller closes the registry.
 */
@FunctionalInterface
public interface PluginRegistries {
    /**
     * Loads the registry of {@code pluginsDir} (empty: the folder in {@code E4J_PLUGINS_DIR}, if any).
     *
     * @throws PluginException for a folder that is missing or a plugin that cannot be loaded
     */
    ComponentRegistry load(Optional<Path> pluginsDir);
}
