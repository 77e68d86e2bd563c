/**
 * The experiment commands: {@link TrainCommand} ({@code e4j train}, resuming from the latest checkpoint and recording
 * the run in the experiment store), {@link EvaluateCommand}, {@link PredictCommand} and {@link ExportCommand}, with the
 * options they share ({@link ConfigOptions}) and {@link PluginComponents}, the {@code cli.config} components loaded
 * from the plugin registry. Package-private classes record the run, show progress while training, handle Ctrl-C and
 * read and write prediction rows. The package depends on this CLI's root package, {@code cli.config} and
 * {@code cli.store}, on the estimators module (the training loop, {@code dnn} and {@code serving}), on the
 * experiment-store module, and on the api and spi modules; within the CLI {@code configcmd} reuses its
 * {@code PluginComponents} and {@code features} its {@code ConfigOptions}.
 */
package org.estimator4j.cli.train;
