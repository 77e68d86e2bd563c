package org.estimator4j.cli.features;

import picocli.CommandLine.Command;

/** {@code e4j features}: look at what feature columns make of raw rows. */
@Command(
        name = "features",
        mixinStandardHelpOptions = true,
        description = "Look at feature columns' outputs (ids, weights, dense values); learn their state from data.",
        subcommands = {InspectFeaturesCommand.class, AdaptFeaturesCommand.class})
public final class FeaturesCommand {}
