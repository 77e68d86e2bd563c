/**
 * {@code e4j store}: {@link StoreAdminCommand} with its package-private {@code check} (read the whole store without
 * writing and say whether it is healthy) and {@code backup} (a consistent copy of an H2 store) subcommands.
 * {@link StoreErrors} turns store failures into the CLI's one-line errors for every command that opens the store, and
 * {@link StoreOpener} (bound to {@link ExperimentStoreOpener}) is how those commands open it. The
 * package depends on the experiment-store module and on this CLI's root package; {@code cli.runs} and {@code cli.train}
 * use {@link StoreErrors} and {@link StoreOpener}.
 */
package org.estimator4j.cli.store;
