package org.estimator4j.cli.data;

import picocli.CommandLine.Command;

/** {@code e4j data}: look at input files the way the input pipeline reads them. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "Look at data files as Estimator4J reads them.",
        subcommands = {InspectCommand.class})
public final class DataCommand {}
