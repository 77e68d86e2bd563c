package org.estimator4j.cli.configcmd;

import picocli.CommandLine.Command;

/** {@code e4j config}: look at experiment configs. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description =
                "Look at experiment configs: the effective config with defaults filled in, and their JSON " + "Schema.",
        subcommands = {ConfigShowCommand.class, ConfigSchemaCommand.class})
public final class ConfigCommand {}
