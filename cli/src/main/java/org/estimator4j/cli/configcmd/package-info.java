/**
 * {@code e4j config}: {@link ConfigCommand} and its {@code show} subcommand, {@link ConfigShowCommand}, which prints an
 * experiment config as {@code e4j train} would use it, after the overrides and with every default filled in. The config
 * is checked as training checks it, and nothing is trained or written. The package depends on {@code cli.config} and on
 * {@code cli.train}'s {@code PluginComponents}; only the root command refers to it.
 */
package org.estimator4j.cli.configcmd;
