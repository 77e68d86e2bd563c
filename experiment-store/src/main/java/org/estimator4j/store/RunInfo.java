package org.estimator4j.store;

import org.estimator4j.api.tracking.RunStatus;

/**
 * One row of the {@code runs} table with its experiment's name: what a listing shows.
 *
 * @param runId 32 lowercase hex characters
 * @param name the run's name, or null
 * @param startMs start time, UTC epoch milliseconds
 * @param endMs end time, or null while the run is RUNNING
 * @param heartbeatMs the last sign of life of the process that records the run
 * @param parentRunId the parent run (a sweep, a retry), or null
 * @param failure the reason a FAILED or KILLED run ended (with a stack trace for an exception), or null
 * @param deleted soft-deleted: hidden from listings, restorable
 * @param stale RUNNING with a heartbeat older than the store's stale threshold when this was read
 */
public record RunInfo(
        String runId,
        long experimentId,
        String experimentName,
        String name,
        RunStatus status,
        long startMs,
        Long endMs,
        long heartbeatMs,
        String parentRunId,
        String failure,
        boolean deleted,
        boolean stale) {

    /** The status to show: {@link EffectiveStatus#STALE} for a stale RUNNING run, else the recorded one. */
    public EffectiveStatus effectiveStatus() {
        return EffectiveStatus.of(status, stale);
    }
}
