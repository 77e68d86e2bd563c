package org.estimator4j.cli.store;

import picocli.CommandLine.Option;

/** The {@code --store} option of the {@code e4j store} commands (the same meaning as everywhere else). */
final class StoreOption {
    @Option(
            names = "--store",
            paramLabel = "URL|PATH",
            description = "The experiment store: a JDBC URL (jdbc:h2:file:..., jdbc:postgresql://...) or the path of"
                    + " an H2 file (default: $E4J_STORE, else ~/.estimator4j/store/e4j).")
    String store;
}
