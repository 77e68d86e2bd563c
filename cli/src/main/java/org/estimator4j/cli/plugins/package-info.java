/**
 * {@code e4j plugins}: {@link PluginsCommand} with {@link ListPluginsCommand}, every provider found with where it came
 * from and whether it works, and {@link DescribePluginCommand}, what one component does and the parameters a config may
 * give it. {@link PluginsOptions} holds their options (the plugins folder, the output format), and
 * {@link PluginRegistries} is how every command loads the plugin registry of a folder; package-private classes
 * format their tables and JSON. The package depends on the api module's plugin registry ({@code api.plugin}), on the
 * spi and on this CLI's root package; only the root command refers to it.
 */
package org.estimator4j.cli.plugins;
