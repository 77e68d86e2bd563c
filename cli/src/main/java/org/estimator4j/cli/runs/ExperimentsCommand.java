package org.estimator4j.cli.runs;

import picocli.CommandLine.Command;

/** {@code e4j experiments}: the groups runs are recorded in. */
@Command(
        name = "experiments",
        mixinStandardHelpOptions = true,
        description = "List the experiments of the experiment store.",
        subcommands = {ExperimentsListCommand.class})
public final class ExperimentsCommand {}
