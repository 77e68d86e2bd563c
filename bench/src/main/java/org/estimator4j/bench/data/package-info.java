/**
 * Data preparation for the shipped examples rather than a benchmark: {@link CaliforniaHousingSplit} shuffles the
 * California housing data with a fixed seed, writes the fixed train and eval files that
 * {@code examples/california/dnn_regressor.json} reads, and prints the normalizer constants of the train part that the
 * config's numeric columns carry. The file is in geographical blocks, hence the shuffle before the 80/20 split; running
 * the command again writes the same files. It depends on the JDK alone, and nothing depends on it; like all of
 * {@code bench}, it sits outside the product.
 */
package org.estimator4j.bench.data;
