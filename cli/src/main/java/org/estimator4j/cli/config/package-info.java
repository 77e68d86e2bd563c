/**
 * Experiment configs. {@link ExperimentConfig} is one config as read: {@code ConfigText} parses the JSON or YAML text
 * strictly, {@code ConfigOverrides} applies {@code --set}, and {@code ConfigBinder} binds the tree through Jackson to
 * one immutable record per section ({@code ConfigFile}, {@code DataSection}, {@code TrainSection}, ...), every error
 * naming its JSON path or {@code file:line:column}. Estimator and optimizer options are declared once
 * ({@link EstimatorOptions}, {@link OptimizerOptions}); the declarations check keys and fill defaults, and make the
 * README's tables ({@link OptionTables}) and the JSON Schema ({@link ConfigSchema}). Construction is apart from
 * reading: {@code EstimatorFactory} builds the premade estimator, {@code InputFactory} the input functions and
 * {@code PluginParts} the plugin components, from {@link Components} (where a config's named losses, metrics, layers
 * and callbacks come from). {@link ConfigException} is a config that cannot be used, and {@link RunLabels} the run name
 * and tags. The package depends on the api, spi, feature-columns and estimators modules and on this CLI's root
 * package. Within the CLI the {@code train}, {@code configcmd} and {@code features} packages use it, and
 * {@code train}'s {@code PluginComponents} implements {@link Components}.
 */
package org.estimator4j.cli.config;
