package org.estimator4j.store.query;

/**
 * An experiment and how many runs it holds: {@code runs} not deleted, {@code deletedRuns} deleted.
 * {@code lastStartMs} is the start of its newest run that is not deleted, or null when there is none.
 */
public record ExperimentSummary(
        long experimentId,
        String name,
        long createdMs,
        boolean deleted,
        long runs,
        long deletedRuns,
        Long lastStartMs) {}
