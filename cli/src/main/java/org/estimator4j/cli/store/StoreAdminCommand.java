package org.estimator4j.cli.store;

import picocli.CommandLine.Command;

/** {@code e4j store}: look after the experiment store file itself (check it, back it up). */
@Command(
        name = "store",
        mixinStandardHelpOptions = true,
        description = "Check or back up the experiment store.",
        subcommands = {StoreCheckCommand.class, StoreBackupCommand.class})
public final class StoreAdminCommand {}
