package org.estimator4j.api.tracking;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a training run reports to an experiment store, without depending on one: estimators, callbacks and the CLI
 * talk to this interface, the store implements it (and {@link #noop()} discards everything, for runs with the store
 * turned off).
 *
 * <p>Calls are cheap on the caller's thread: {@link #logMetric} only queues the point, and an implementation writes
 * points in batches on a thread of its own, so a training loop can log every step. The other calls are rare and may
 * wait for the store, so that a conflict (a param logged twice with different values) reaches the caller as an
 * exception.
 *
 * <p>A tracker is safe to use from several threads. After {@link #end} every call but {@link #end} and
 * {@link #close} fails, so a late write cannot change a finished record.
 *
 * @since 0.1.0
 */
public interface RunTracker extends AutoCloseable {
    /** The run's id: 32 lowercase hex characters. */
    String runId();

    /**
     * Records an input of the run (a hyper-parameter, a config value). Params are immutable, so a run's record
     * always describes what it really trained with: logging the same value again does nothing, logging another value
     * for the same key throws an {@link IllegalStateException} naming the key, the old and the new value.
     */
    void logParam(String key, String value);

    /** {@link #logParam} for each entry, in the map's order. */
    default void logParams(Map<String, String> params) {
        params.forEach(this::logParam);
    }

    /**
     * Queues one point of a metric's history ({@code train_loss} at step 1200, {@code auc} after an evaluation).
     * Returns at once; the point is written with others in a batch, and it is on disk when {@link #flush} or
     * {@link #end} returns. Non-finite values are kept (a diverging loss is worth recording).
     */
    void logMetric(String key, double value, long step);

    /** Sets a label on the run, replacing an earlier value of the same key (tags, unlike params, may change). */
    void setTag(String key, String value);

    /**
     * Records a file or directory the run produced, with its size (and the SHA-256 of a file), so a record still
     * says what was written after the file moved or changed.
     *
     * @param kind what it is: {@code checkpoint}, {@code bundle}, {@code plot}, {@code config} or {@code other}
     */
    void logArtifact(Path path, String kind);

    /**
     * Records where the run came from: the resolved config, the seed, data files and their hashes, versions, host,
     * git commit. Like params, a provenance item is written once; logging it again replaces it (provenance is
     * collected by the tool, not chosen by the user).
     */
    void logProvenance(String key, String value);

    /** Waits until every metric point queued so far is written. */
    void flush();

    /**
     * Ends the run: writes every queued point, then the final status and, for {@link RunStatus#FAILED} and
     * {@link RunStatus#KILLED}, the reason (an exception's stack trace, "killed by SIGTERM"). Only the first call
     * counts; later ones do nothing, so a shutdown hook and a normal exit path may both call it.
     *
     * @param status a terminal status (not {@link RunStatus#RUNNING})
     * @param failure why the run failed or was killed; null for a finished run
     */
    void end(RunStatus status, String failure);

    /**
     * Ends the run as {@link RunStatus#FAILED} with the error's stack trace as the reason: what a training command's
     * exception path calls before rethrowing.
     */
    default void fail(Throwable error) {
        java.io.StringWriter trace = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(trace));
        end(RunStatus.FAILED, trace.toString());
    }

    /** Whether {@link #end} was called. */
    boolean isEnded();

    /**
     * Ends the run as {@link RunStatus#FINISHED} if nothing ended it before. Try-with-resources cannot tell that an
     * exception is passing through, so a block that may fail should call {@link #fail} in a catch inside it (closing
     * an ended run does nothing).
     */
    @Override
    default void close() {
        if (!isEnded()) {
            end(RunStatus.FINISHED, null);
        }
    }

    /** A tracker that records nothing: what {@code --no-store} trains with. */
    static RunTracker noop() {
        return new NoopRunTracker();
    }
}
