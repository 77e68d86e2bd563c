package org.estimator4j.cli.plugins;

import picocli.CommandLine.Command;

/** {@code e4j plugins}: what components configs can name, and where each comes from. */
@Command(
        name = "plugins",
        mixinStandardHelpOptions = true,
        description = "List and describe the losses, metrics, layers and callbacks configs can use: built-ins, "
                + "class path plugins and the jars of a plugins folder.",
        subcommands = {ListPluginsCommand.class, DescribePluginCommand.class})
public final class PluginsCommand {}
