package org.estimator4j.store;

/**
 * A named group of runs ("census-linear"): its name is unique in a store.
 *
 * @param id the database id
 * @param createdMs creation time, UTC epoch milliseconds
 */
public record Experiment(long id, String name, long createdMs, boolean deleted) {}
