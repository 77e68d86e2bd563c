/**
 * The {@code e4j} command line: {@link E4j}, the picocli root command that {@code bin/e4j} starts and that lists every
 * subcommand, {@link VersionProvider} for {@code --version}, {@link E4jException}, the failure a command can explain
 * (what went wrong and what to do), {@link OneLineErrorHandler}, which prints it as one line on stderr and sets the
 * exit code, and {@link Console}, the streams commands talk through. Commands are created by Guice
 * ({@code cli.wiring}), which {@link E4j#commandLine()} sets up. The commands live in the sub-packages, several of
 * which use this package's {@link E4jException} and exit codes. The cli module is the composition root: it may depend on every product module (estimators, experiment-store
 * and, through them, feature-columns, api and spi), and nothing depends on it.
 */
package org.estimator4j.cli;
