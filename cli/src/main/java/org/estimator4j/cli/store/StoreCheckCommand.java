package org.estimator4j.cli.store;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.estimator4j.cli.E4j;
import org.estimator4j.cli.E4jException;
import org.estimator4j.store.StoreCheck;
import org.estimator4j.store.StoreException;
import org.estimator4j.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code e4j store check}: reads the whole store without writing to it (an H2 file is opened read-only) and says
 * whether it is healthy: schema version, rows per table; for a damaged one, what is wrong and how to recover.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Check the experiment store without writing to it: schema, every table, every row.")
final class StoreCheckCommand implements Callable<Integer> {
    @Mixin
    StoreOption option;

    @Spec
    CommandSpec spec;

    @Inject
    StoreOpener stores;

    @Override
    public Integer call() {
        StoreCheck check;
        try {
            check = stores.check(StoreLocation.resolve(option.store, null));
        } catch (StoreException e) {
            throw StoreErrors.toE4j(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("store    " + check.location());
        out.println("schema   version " + check.schemaVersion());
        for (Map.Entry<String, Long> table : check.rowCounts().entrySet()) {
            out.printf("%-16s %,d rows%n", table.getKey(), table.getValue());
        }
        out.flush();
        if (!check.healthy()) {
            throw new E4jException(
                    "the experiment store " + check.location() + " is damaged: " + String.join("; ", check.problems()),
                    check.recovery());
        }
        out.println("ok");
        out.flush();
        return E4j.EXIT_OK;
    }
}
