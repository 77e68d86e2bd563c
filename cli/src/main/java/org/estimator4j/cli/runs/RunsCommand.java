package org.estimator4j.cli.runs;

import picocli.CommandLine.Command;

/** {@code e4j runs}: find, inspect, compare and tidy the runs in the experiment store. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "Find, inspect, compare and plot runs recorded in the experiment store.",
        subcommands = {
            RunsListCommand.class,
            RunsSearchCommand.class,
            RunsShowCommand.class,
            RunsCompareCommand.class,
            RunsMetricsCommand.class,
            RunsPlotCommand.class,
            SetDeletedCommand.Delete.class,
            SetDeletedCommand.Restore.class
        })
public final class RunsCommand {}
