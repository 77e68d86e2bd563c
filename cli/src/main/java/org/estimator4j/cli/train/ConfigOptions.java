package org.estimator4j.cli.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.estimator4j.cli.config.ExperimentConfig;
import org.estimator4j.cli.plugins.PluginRegistries;
import picocli.CommandLine.Option;

/**
 * The options every experiment command shares: the config file, overrides and plugins ({@link ConfigFileOptions}),
 * the model directory, and the output format.
 */
public final class ConfigOptions extends ConfigFileOptions {
    /** Output formats: a human-readable summary, or one JSON object. */
    public enum Format {
        table,
        json
    }

    @Option(names = "--model-dir", paramLabel = "DIR", description = "Overrides run_config.model_dir.")
    Path modelDir;

    @Option(
            names = "--format",
            defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public ExperimentConfig load() {
        List<String> all = new ArrayList<>(overrides);
        if (modelDir != null) {
            // --model-dir is relative to the working directory, unlike paths inside the config.
            all.add("run_config.model_dir="
                    + com.fasterxml.jackson.databind.node.TextNode.valueOf(
                            modelDir.toAbsolutePath().toString()));
        }
        return load(config, all, plugins, registries);
    }

    /**
     * {@code config} with its overrides, components from the plugin registry {@code registries} loads (built-ins and
     * {@code plugins}).
     */
    public static ExperimentConfig load(
            Path config, List<String> overrides, Path plugins, PluginRegistries registries) {
        return ExperimentConfig.load(config, overrides, plugins, dir -> PluginComponents.load(dir, registries));
    }
}
