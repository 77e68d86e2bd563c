package org.estimator4j.cli.store;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.estimator4j.cli.E4j;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.StoreException;
import org.estimator4j.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code e4j store backup --out FILE}: a consistent copy of an H2 store, safe while runs are recording. */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = "Write a consistent copy of the H2 experiment store to a zip file (safe while runs record); "
                + "restore it by unzipping the .mv.db file where the store should be.")
final class StoreBackupCommand implements Callable<Integer> {
    @Mixin
    StoreOption option;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The zip file to write (new).")
    Path out;

    @Spec
    CommandSpec spec;

    @Inject
    StoreOpener stores;

    @Override
    public Integer call() {
        try (ExperimentStore store = stores.open(StoreLocation.resolve(option.store, null), true)) {
            store.backup(out);
            spec.commandLine()
                    .getOut()
                    .println("backed up " + StoreLocation.redact(store.url()) + " to "
                            + out.toAbsolutePath().normalize());
        } catch (StoreException e) {
            throw StoreErrors.toE4j(e);
        }
        return E4j.EXIT_OK;
    }
}
