/**
 * {@code e4j features}: {@link FeaturesCommand} and its two subcommands. {@link InspectFeaturesCommand} runs feature
 * columns over raw rows and prints what a model would get (sparse ids and weights, dense values), and
 * {@link AdaptFeaturesCommand} learns the state of columns that learn from data and writes the adapted columns as JSON.
 * The package depends on the feature-columns and api modules, on this CLI's root package, and on {@code cli.config} and
 * {@code cli.train}'s {@code ConfigOptions} (to take the columns and state of an experiment config); only the root
 * command refers to it.
 */
package org.estimator4j.cli.features;
