package org.estimator4j.cli.train;

import java.nio.file.Path;
import java.util.Optional;
import org.estimator4j.cli.config.Components;

/** The components experiment commands use: built-ins, class-path plugins and the jars of the plugins folder. */
final class PluginComponents {
    private PluginComponents() {}

    static Components load(Optional<Path> pluginsDir) {
        return org.estimator4j.cli.config.ExperimentConfig.classpathComponents(pluginsDir);
    }
}
