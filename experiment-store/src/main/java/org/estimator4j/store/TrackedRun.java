package org.estimator4j.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.estimator4j.api.internal.Logs;
import org.estimator4j.api.tracking.RunStatus;
import org.estimator4j.api.tracking.RunTracker;
import org.slf4j.Logger;

/**
 * A run being recorded: the store's {@link RunTracker}. Every database write of a run happens on one writer thread
 * of its own, with its own connection, in the order the calls were made:
 *
 * <ul>
 *   <li>{@link #logMetric} only queues the point. The writer takes what is queued (up to {@value #MAX_BATCH}
 *       points, or what arrived within {@value #LINGER_MS} ms of the first) and writes it in one transaction: a JDBC
 *       batch insert into {@code metrics}, and {@code latest_metrics} updated for the keys the batch touched.
 *   <li>Params, tags, artifacts, provenance and {@link #flush} wait for the writer to get to them, so errors (a param
 *       logged with another value) reach the caller.
 *   <li>Between writes the writer updates the run's heartbeat every heartbeat interval.
 * </ul>
 *
 * <p>The writer is never interrupted: H2 closes its file when a thread is interrupted inside it. {@link #end} queues
 * a final command behind everything else and joins the thread. A write that fails with an
 * {@link java.sql.SQLException} is retried on a new connection for up to {@value #RETRY_SECONDS} s; that is how an H2
 * file shared by several processes survives the serving process exiting (another one takes over, and the writers
 * reconnect).
 *
 * <p>This class is the handle: it checks what it is given and hands writes to the run's {@link RunWriter} (the thread,
 * batching and retries), which runs {@link RunStatements} (the run's SQL) and the {@link Dialect}'s metric insert.
 */
public final class TrackedRun implements RunTracker {
    /** The most points written in one transaction. */
    public static final int MAX_BATCH = 10_000;
    /** How long the writer waits for more points after the first of a batch, in milliseconds. */
    public static final long LINGER_MS = 100;
    /** How long a failing write is retried, in seconds. */
    public static final long RETRY_SECONDS = 60;
    /** Points queued beyond this make {@link #logMetric} wait for the writer (the database is slower than training). */
    static final int QUEUE_CAPACITY = 1_000_000;

    private static final Logger LOG = Logs.get(TrackedRun.class);

    private final ExperimentStore store;
    private final String runId;
    private final String experimentName;
    private final RunWriter writer;
    private final AtomicBoolean ended = new AtomicBoolean();

    TrackedRun(ExperimentStore store, String runId, String experimentName, Duration heartbeat) {
        this.store = store;
        this.runId = runId;
        this.experimentName = experimentName;
        this.writer = new RunWriter(store, runId, heartbeat);
    }

    @Override
    public String runId() {
        return runId;
    }

    public String experimentName() {
        return experimentName;
    }

    /** The store this run records into. */
    public ExperimentStore store() {
        return store;
    }

    @Override
    public void logParam(String key, String value) {
        ExperimentStore.checkName(key, "param key");
        Objects.requireNonNull(value, "value of param " + key);
        if (value.length() > 8000) {
            throw new IllegalArgumentException("param " + key + " is longer than 8000 characters; log it as "
                    + "provenance or an artifact instead");
        }
        call(c -> RunStatements.insertParam(c, runId, key, value));
    }

    /**
     * Queues a point; returns at once (waits only while {@value #QUEUE_CAPACITY} points are queued). After
     * {@link #end} points are dropped silently: a training loop still running while a shutdown hook ends its run
     * must not fail for that.
     */
    @Override
    public void logMetric(String key, double value, long step) {
        Objects.requireNonNull(key, "key");
        if (ended.get()) {
            writer.dropped();
            return;
        }
        QueuedPoint p = new QueuedPoint(key, value, step, System.currentTimeMillis());
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (writer.offer(p)) {
                        return;
                    }
                    if (!writer.isAlive() || ended.get()) {
                        writer.dropped();
                        return;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void setTag(String key, String value) {
        ExperimentStore.checkName(key, "tag key");
        Objects.requireNonNull(value, "value of tag " + key);
        call(c -> RunStatements.upsertTag(c, runId, key, value));
    }

    @Override
    public void logProvenance(String key, String value) {
        ExperimentStore.checkName(key, "provenance key");
        Objects.requireNonNull(value, "value of provenance item " + key);
        call(c -> RunStatements.upsertProvenance(c, runId, key, value));
    }

    /** {@link #logProvenance} for each item, in one write. */
    public void logProvenance(Map<String, String> items) {
        items.forEach((k, v) -> {
            ExperimentStore.checkName(k, "provenance key");
            Objects.requireNonNull(v, "value of provenance item " + k);
        });
        call(c -> {
            for (Map.Entry<String, String> e : items.entrySet()) {
                RunStatements.upsertProvenance(c, runId, e.getKey(), e.getValue());
            }
        });
    }

    /**
     * Records a file (size and SHA-256, read as a stream) or a directory (total size of its files, no hash). Logging
     * the same path again replaces the earlier record.
     *
     * @throws UncheckedIOException when the path does not exist or cannot be read
     */
    @Override
    public void logArtifact(Path path, String kind) {
        Objects.requireNonNull(kind, "kind");
        Path absolute = path.toAbsolutePath().normalize();
        long size;
        String sha256;
        try {
            if (Files.isDirectory(absolute)) {
                try (Stream<Path> files = Files.walk(absolute)) {
                    size = files.filter(Files::isRegularFile)
                            .mapToLong(f -> {
                                try {
                                    return Files.size(f);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            })
                            .sum();
                }
                sha256 = null;
            } else {
                size = Files.size(absolute);
                sha256 = Provenance.sha256(absolute);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record artifact " + absolute + " of run " + runId + ": " + e, e);
        }
        String where = absolute.toString();
        long now = System.currentTimeMillis();
        call(c -> RunStatements.upsertArtifact(c, runId, where, kind, size, sha256, now));
    }

    @Override
    public void flush() {
        call(c -> {});
    }

    /**
     * Ends the run: waits for every queued point to be written, then writes the status, end time and failure text,
     * and stops the writer (by a command in its queue, never by an interrupt). Only the first call counts.
     */
    @Override
    public void end(RunStatus status, String failure) {
        Objects.requireNonNull(status, "status");
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("a run ends FINISHED, FAILED or KILLED, not " + status);
        }
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            writer.finish(c -> RunStatements.end(c, runId, status, failure), "end run " + runId);
            if (writer.droppedPoints() > 0) {
                LOG.warn(
                        "run {}: {} metric points were logged after the run ended or could not be written, and "
                                + "are not recorded",
                        runId,
                        writer.droppedPoints());
            }
        } finally {
            store.ended(this);
        }
    }

    @Override
    public boolean isEnded() {
        return ended.get();
    }

    /** Metric points that were not recorded: logged after {@link #end}, or lost after retries ran out. */
    public long droppedPoints() {
        return writer.droppedPoints();
    }

    /** Runs a write on the writer thread and waits for it; its exception is rethrown here. */
    private void call(RunWriter.SqlWork work) {
        if (ended.get()) {
            throw new IllegalStateException("run " + runId + " has ended; start a new run to record more");
        }
        writer.call(work, "write to run " + runId);
    }

    @Override
    public String toString() {
        return "run " + runId + " of experiment '" + experimentName + "'";
    }
}
