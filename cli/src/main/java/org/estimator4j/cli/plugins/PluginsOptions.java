package org.estimator4j.cli.plugins;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.estimator4j.api.plugin.PluginException;
import org.estimator4j.api.plugin.host.ComponentRegistry;
import org.estimator4j.cli.E4jException;
import picocli.CommandLine.Option;

/** The options of the {@code plugins} commands: where the plugin jars are, and the output format. */
public final class PluginsOptions {
    /** Output formats: aligned text for people, or JSON for scripts. */
    public enum Format {
        table,
        json
    }

    @Option(
            names = "--plugins",
            paramLabel = "DIR",
            description = "A folder of plugin jars (default: the folder in $" + ComponentRegistry.PLUGINS_DIR_ENV
                    + ", else none).")
    Path plugins;

    @Option(
            names = "--format",
            defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Inject
    PluginRegistries registries;

    boolean json() {
        return format == Format.json;
    }

    /** The registry of the class path and the plugins folder; a folder that is missing is the user's to fix. */
    ComponentRegistry load() {
        try {
            return registries.load(Optional.ofNullable(plugins));
        } catch (PluginException e) {
            throw new E4jException(
                    e.getMessage(),
                    "plugins come from the class path and from --plugins DIR or $" + ComponentRegistry.PLUGINS_DIR_ENV,
                    e);
        }
    }
}
