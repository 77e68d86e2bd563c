/**
 * {@code e4j config}: {@link ConfigCommand} and its subcommands. {@link ConfigShowCommand} prints an experiment config
 * as {@code e4j train} would use it, after the overrides and with every default filled in; the config is checked as
 * training checks it, and nothing is trained or written. {@link ConfigSchemaCommand} prints the configs' JSON Schema.
 * The package depends on {@code cli.config} and on {@code cli.train}'s {@code ConfigFileOptions}; only the root command
 * refers to it.
 */
package org.estimator4j.cli.configcmd;
