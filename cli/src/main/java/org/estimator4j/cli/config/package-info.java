/**
 * Experiment configs: {@link ExperimentConfig} reads one JSON or YAML file (data, feature columns, estimator, training
 * length, run config) strictly, every error naming its JSON path or {@code file:line:column}, applies {@code --set}
 * overrides, and builds the premade estimator and its input from it. {@link Components} is where the named plugin
 * components of a config (losses, metrics, layers, callbacks) come from, {@link ConfigException} a config that cannot
 * be used, and {@link RunLabels} the run name and tags; package-private classes parse the text, read the CSV format and
 * give learnable feature columns their state. The package depends on the api, spi, feature-columns and estimators
 * modules (every premade model, {@code head} and {@code optimizer}) and on this CLI's root package. Within the CLI the
 * {@code train}, {@code configcmd} and {@code features} packages use it, and {@code train}'s {@code PluginComponents}
 * implements {@link Components}.
 */
package org.estimator4j.cli.config;
