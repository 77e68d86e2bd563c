package org.estimator4j.store;

import org.estimator4j.api.tracking.RunStatus;

/**
 * A run's status as readers should show it: the recorded {@link RunStatus}, except that a run still recorded as
 * RUNNING whose heartbeat stopped (its process was SIGKILLed, lost power, or hung) is {@link #STALE}. Staleness is
 * decided when reading, from the heartbeat's age, and never written back: a run that was only paused (a stopped
 * debugger) turns RUNNING again with its next heartbeat.
 */
public enum EffectiveStatus {
    RUNNING,
    FINISHED,
    FAILED,
    KILLED,
    /** Recorded RUNNING, but no heartbeat for longer than the store's stale threshold (3 heartbeat intervals). */
    STALE;

    /** The effective status of a recorded one. */
    public static EffectiveStatus of(RunStatus status, boolean stale) {
        return switch (status) {
            case RUNNING -> stale ? STALE : RUNNING;
            case FINISHED -> FINISHED;
            case FAILED -> FAILED;
            case KILLED -> KILLED;
        };
    }
}
