/**
 * {@code e4j runs} and {@code e4j experiments}: {@link RunsCommand} (list, search, show, compare, metrics, plot,
 * delete, restore) and {@link ExperimentsCommand} (list), the commands that read the experiment store, printing in an
 * {@link OutputFormat} (aligned columns, JSON or CSV). The subcommands are package-private and share the
 * package-private {@code StoreCommand} ({@code --store}, {@code --format}, opening and closing the store);
 * {@code runs plot} draws with JFreeChart, headless. The package depends on the experiment-store module ({@code store},
 * {@code store.query}), on this CLI's root package and on {@code cli.store} for its one-line store errors; only the
 * root command refers to it.
 */
package org.estimator4j.cli.runs;
