package org.estimator4j.api.tracking;

/**
 * The recorded state of a run. A run is {@link #RUNNING} from its start until {@link RunTracker#end} gives one of
 * the three terminal states; a process that dies without ending its run (SIGKILL, power loss) leaves it RUNNING,
 * which readers recognise as stale from its old heartbeat.
 *
 * @since 0.1.0
 */
public enum RunStatus {
    /** Started and not yet ended. */
    RUNNING,
    /** Ended normally. */
    FINISHED,
    /** Ended by an error; the run's failure text holds the exception and its stack trace. */
    FAILED,
    /** Ended from outside: SIGTERM, Ctrl-C, {@code System.exit} before the run ended, or a user's stop request. */
    KILLED;

    /** Whether the run has ended (any state but {@link #RUNNING}). */
    public boolean isTerminal() {
        return this != RUNNING;
    }
}
