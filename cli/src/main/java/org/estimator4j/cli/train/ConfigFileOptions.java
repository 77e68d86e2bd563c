package org.estimator4j.cli.train;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.estimator4j.cli.config.ExperimentConfig;
import org.estimator4j.cli.plugins.PluginRegistries;
import picocli.CommandLine.Option;

/**
 * The options that name an experiment config, declared once: the file, {@code --set} overrides and the plugins
 * folder. A picocli mixin of {@code e4j config show}, and the base of {@link ConfigOptions}, which the experiment
 * commands mix in.
 */
public class ConfigFileOptions {
    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "Experiment config (JSON, or YAML for .yaml / .yml): data, feature_columns, estimator, "
                    + "train, run_config.")
    Path config;

    @Option(
            names = "--set",
            paramLabel = "PATH=VALUE",
            description = "Overrides a config value, e.g. --set data.epochs=2 (repeatable; JSON values allowed).")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--plugins",
            paramLabel = "DIR",
            description = "A folder of plugin jars (overrides the config's plugins.dir and E4J_PLUGINS_DIR).")
    Path plugins;

    /** Where plugin registries come from: injected, since picocli creates this mixin through the Guice factory. */
    @Inject
    PluginRegistries registries;

    /** The config with its overrides, components from the plugin registry (built-ins and {@code --plugins}). */
    public ExperimentConfig load() {
        return ConfigOptions.load(config, overrides, plugins, registries);
    }
}
