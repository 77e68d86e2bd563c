package org.estimator4j.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 * a final command behind everything else and joins the thread. A write that fails with an {@link SQLException} is
 * retried on a new connection for up to {@value #RETRY_SECONDS} s; that is how an H2 file shared by several
 * processes survives the serving process exiting (another one takes over, and the writers reconnect).
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
    private static final java.util.Comparator<Point> BY_KEY_AND_STEP =
            java.util.Comparator.comparing(Point::key).thenComparingLong(Point::step);

    private final ExperimentStore store;
    private final String runId;
    private final String experimentName;
    private final long heartbeatNanos;
    private final LinkedBlockingQueue<Command> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicLong droppedPoints = new AtomicLong();
    private volatile String writeFailure;

    TrackedRun(ExperimentStore store, String runId, String experimentName, Duration heartbeat) {
        this.store = store;
        this.runId = runId;
        this.experimentName = experimentName;
        this.heartbeatNanos = heartbeat.toNanos();
        this.writer = new Thread(new Writer(), "e4j-run-writer-" + runId.substring(0, 8));
        // A daemon, so a forgotten run cannot keep the JVM alive; the shutdown hook ends live runs and joins it.
        writer.setDaemon(true);
        writer.start();
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
        call(c -> {
            String old = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT param_value FROM params WHERE run_id = ? AND param_key = ?")) {
                ps.setString(1, runId);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        old = rs.getString(1);
                    }
                }
            }
            if (old != null) {
                if (!old.equals(value)) {
                    throw new IllegalStateException("param " + key + " of run " + runId + " is already '" + old
                            + "'; params are immutable, so it cannot become '" + value + "'. Start a new run for "
                            + "the new value, or record the change as a tag or a metric");
                }
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO params (run_id, param_key, param_value) VALUES (?, ?, ?)")) {
                ps.setString(1, runId);
                ps.setString(2, key);
                ps.setString(3, value);
                ps.executeUpdate();
            }
        });
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
            droppedPoints.incrementAndGet();
            return;
        }
        Point p = new Point(key, value, step, System.currentTimeMillis());
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (queue.offer(p, 1, TimeUnit.SECONDS)) {
                        return;
                    }
                    if (!writer.isAlive() || ended.get()) {
                        droppedPoints.incrementAndGet();
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
        call(c -> upsert(c, "UPDATE tags SET tag_value = ? WHERE run_id = ? AND tag_key = ?",
                "INSERT INTO tags (tag_value, run_id, tag_key) VALUES (?, ?, ?)", value, key));
    }

    @Override
    public void logProvenance(String key, String value) {
        ExperimentStore.checkName(key, "provenance key");
        Objects.requireNonNull(value, "value of provenance item " + key);
        call(c -> upsert(c, "UPDATE provenance SET item_value = ? WHERE run_id = ? AND item_key = ?",
                "INSERT INTO provenance (item_value, run_id, item_key) VALUES (?, ?, ?)", value, key));
    }

    /** {@link #logProvenance} for each item, in one write. */
    public void logProvenance(Map<String, String> items) {
        items.forEach((k, v) -> {
            ExperimentStore.checkName(k, "provenance key");
            Objects.requireNonNull(v, "value of provenance item " + k);
        });
        call(c -> {
            for (Map.Entry<String, String> e : items.entrySet()) {
                upsert(c, "UPDATE provenance SET item_value = ? WHERE run_id = ? AND item_key = ?",
                        "INSERT INTO provenance (item_value, run_id, item_key) VALUES (?, ?, ?)", e.getValue(),
                        e.getKey());
            }
        });
    }

    private void upsert(Connection c, String update, String insert, String value, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(update)) {
            ps.setString(1, value);
            ps.setString(2, runId);
            ps.setString(3, key);
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, value);
            ps.setString(2, runId);
            ps.setString(3, key);
            ps.executeUpdate();
        }
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
                    size = files.filter(Files::isRegularFile).mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).sum();
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
        call(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE artifacts SET kind = ?, size_bytes = ?, "
                    + "sha256 = ?, logged_ms = ? WHERE run_id = ? AND path = ?")) {
                ps.setString(1, kind);
                ps.setLong(2, size);
                ps.setString(3, sha256);
                ps.setLong(4, now);
                ps.setString(5, runId);
                ps.setString(6, where);
                if (ps.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO artifacts (kind, size_bytes, sha256, "
                    + "logged_ms, run_id, path) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, kind);
                ps.setLong(2, size);
                ps.setString(3, sha256);
                ps.setLong(4, now);
                ps.setString(5, runId);
                ps.setString(6, where);
                ps.executeUpdate();
            }
        });
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
            Task last = new Task(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = ?, end_ms = ?, "
                        + "heartbeat_ms = ?, failure = ? WHERE run_id = ?")) {
                    long now = System.currentTimeMillis();
                    ps.setString(1, status.name());
                    ps.setLong(2, now);
                    ps.setLong(3, now);
                    ps.setString(4, failure);
                    ps.setString(5, runId);
                    ps.executeUpdate();
                }
            }, true);
            enqueue(last);
            joinWriter();
            await(last, "end run " + runId);
            if (droppedPoints.get() > 0) {
                LOG.warn("run {}: {} metric points were logged after the run ended or could not be written, and "
                        + "are not recorded", runId, droppedPoints.get());
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
        return droppedPoints.get();
    }

    private void joinWriter() {
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a write on the writer thread and waits for it; its exception is rethrown here. */
    private void call(SqlWork work) {
        if (ended.get()) {
            throw new IllegalStateException("run " + runId + " has ended; start a new run to record more");
        }
        Task task = new Task(work, false);
        enqueue(task);
        await(task, "write to run " + runId);
    }

    private void enqueue(Command c) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(c);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void await(Task task, String what) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    task.done.get(1, TimeUnit.SECONDS);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (TimeoutException e) {
                    if (!writer.isAlive() && !task.done.isDone()) {
                        throw new StoreException("cannot " + what + ": its writer thread stopped"
                                + (writeFailure == null ? "" : " after: " + writeFailure));
                    }
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof SQLException s) {
                        throw store.failure(what, s);
                    }
                    throw new StoreException("cannot " + what + ": " + cause, cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "run " + runId + " of experiment '" + experimentName + "'";
    }

    // ------------------------------------------------------------------------------------------------ the writer

    private sealed interface Command permits Point, Task {}

    private record Point(String key, double value, long step, long timeMs) implements Command {}

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    private static final class Task implements Command {
        final SqlWork work;
        final boolean last;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Task(SqlWork work, boolean last) {
            this.work = work;
            this.last = last;
        }
    }

    /** The writer thread's loop. Only this thread touches {@code connection}, {@code batch} and {@code latest}. */
    private final class Writer implements Runnable {
        private Connection connection;
        private final List<Point> batch = new ArrayList<>();
        /** The latest point written per key, to keep {@code latest_metrics} without reading it back. */
        private final Map<String, Point> latest = new HashMap<>();

        @Override
        public void run() {
            long nextBeat = System.nanoTime() + heartbeatNanos;
            long batchStarted = 0;
            boolean running = true;
            try {
                while (running) {
                    long now = System.nanoTime();
                    long deadline = nextBeat;
                    if (!batch.isEmpty()) {
                        deadline = Math.min(deadline, batchStarted + LINGER_MS * 1_000_000L);
                    }
                    Command c = poll(deadline - now);
                    if (c instanceof Point p) {
                        if (batch.isEmpty()) {
                            batchStarted = System.nanoTime();
                        }
                        batch.add(p);
                        Command next;
                        while (batch.size() < MAX_BATCH && (next = queue.peek()) instanceof Point more) {
                            queue.poll();
                            batch.add(more);
                        }
                        if (batch.size() >= MAX_BATCH) {
                            writeBatch();
                        }
                    } else if (c instanceof Task t) {
                        writeBatch();
                        execute(t);
                        running = !t.last;
                    }
                    now = System.nanoTime();
                    if (!batch.isEmpty() && now - batchStarted >= LINGER_MS * 1_000_000L) {
                        writeBatch();
                    }
                    if (running && now - nextBeat >= 0) {
                        heartbeat();
                        nextBeat = now + heartbeatNanos;
                    }
                }
            } catch (Throwable t) {
                writeFailure = t.toString();
                LOG.error("run {}: the writer thread failed; later writes are lost", runId, t);
                failQueued(t);
            } finally {
                ExperimentStore.closeQuietly(connection);
                connection = null;
            }
        }

        /** Takes the next command, waiting at most {@code nanos}; ignores interrupts (see the class comment). */
        private Command poll(long nanos) {
            if (nanos <= 0) {
                return queue.poll();
            }
            try {
                return queue.poll(nanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // Somebody interrupted the writer: clear the flag before H2 sees it, and carry on.
                return null;
            }
        }

        private void failQueued(Throwable t) {
            Command c;
            while ((c = queue.poll()) != null) {
                if (c instanceof Task task) {
                    task.done.completeExceptionally(t);
                } else {
                    droppedPoints.incrementAndGet();
                }
            }
        }

        private void execute(Task t) {
            try {
                transaction("write", t.work);
                t.done.complete(null);
            } catch (Exception e) {
                t.done.completeExceptionally(e);
            }
        }

        private void heartbeat() {
            try {
                transaction("update the heartbeat", c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE runs SET heartbeat_ms = ? WHERE run_id = ?")) {
                        ps.setLong(1, System.currentTimeMillis());
                        ps.setString(2, runId);
                        ps.executeUpdate();
                    }
                });
            } catch (SQLException e) {
                LOG.warn("run {}: cannot update the heartbeat: {}", runId, e.getMessage());
            }
        }

        /** Writes the batch: points and the new latest values in one transaction, retried until it commits. */
        private void writeBatch() {
            if (batch.isEmpty()) {
                return;
            }
            Map<String, Point> newLatest = new HashMap<>();
            for (Point p : batch) {
                Point best = newLatest.getOrDefault(p.key(), latest.get(p.key()));
                if (best == null || p.step() > best.step()
                        || (p.step() == best.step() && p.timeMs() >= best.timeMs())) {
                    newLatest.put(p.key(), p);
                }
            }
            Point lastPoint = batch.get(batch.size() - 1);
            boolean[] retried = {false};
            try {
                transaction("write " + batch.size() + " metric points", c -> {
                    // A retry after a lost connection may follow a commit whose answer was lost: then the batch's
                    // last point is there, and the batch must not be written twice.
                    if (!retried[0] || !present(c, lastPoint)) {
                        insertPoints(c);
                    }
                    retried[0] = true;
                    for (Point p : newLatest.values()) {
                        if (p == latest.get(p.key())) {
                            continue;
                        }
                        upsertLatest(c, p);
                    }
                });
                latest.putAll(newLatest);
            } catch (SQLException e) {
                droppedPoints.addAndGet(batch.size());
                writeFailure = e.toString();
                LOG.error("run {}: {} metric points could not be written and are lost: {}", runId, batch.size(),
                        e.getMessage());
            }
            batch.clear();
        }

        private void insertPoints(Connection c) throws SQLException {
            if (store.dialect() == Dialect.H2) {
                insertPointsH2(c);
                return;
            }
            // PostgreSQL: the driver rewrites the batch into multi-row INSERTs (reWriteBatchedInserts).
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO metrics (run_id, metric_key, step, "
                    + "metric_value, logged_ms) VALUES (?, ?, ?, ?, ?)")) {
                for (Point p : batch) {
                    ps.setString(1, runId);
                    ps.setString(2, p.key());
                    ps.setLong(3, p.step());
                    ps.setDouble(4, p.value());
                    ps.setLong(5, p.timeMs());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        /**
         * H2: the whole batch as one statement over arrays ({@code UNNEST}), which skips the per-row statement
         * execution of a JDBC batch, with the rows ordered by key and step so the index is appended to rather than
         * inserted into at random.
         */
        private void insertPointsH2(Connection c) throws SQLException {
            List<Point> sorted = new ArrayList<>(batch);
            sorted.sort(BY_KEY_AND_STEP);
            int n = sorted.size();
            String[] keys = new String[n];
            Long[] steps = new Long[n];
            Double[] values = new Double[n];
            Long[] times = new Long[n];
            for (int i = 0; i < n; i++) {
                Point p = sorted.get(i);
                keys[i] = p.key();
                steps[i] = p.step();
                values[i] = p.value();
                times[i] = p.timeMs();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO metrics (run_id, metric_key, step, "
                    + "metric_value, logged_ms) DIRECT SELECT ?, k, s, v, t "
                    + "FROM UNNEST(?, ?, ?, ?) AS u(k, s, v, t)")) {
                ps.setString(1, runId);
                ps.setObject(2, keys);
                ps.setObject(3, steps);
                ps.setObject(4, values);
                ps.setObject(5, times);
                int written = ps.executeUpdate();
                if (written != n) {
                    throw new SQLException("wrote " + written + " of " + n + " metric points", "25000");
                }
            }
        }

        private boolean present(Connection c, Point p) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM metrics WHERE run_id = ? "
                    + "AND metric_key = ? AND step = ? AND logged_ms = ?")) {
                ps.setString(1, runId);
                ps.setString(2, p.key());
                ps.setLong(3, p.step());
                ps.setLong(4, p.timeMs());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getLong(1) > 0;
                }
            }
        }

        private void upsertLatest(Connection c, Point p) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("UPDATE latest_metrics SET step = ?, metric_value = ?, "
                    + "logged_ms = ? WHERE run_id = ? AND metric_key = ?")) {
                ps.setLong(1, p.step());
                ps.setDouble(2, p.value());
                ps.setLong(3, p.timeMs());
                ps.setString(4, runId);
                ps.setString(5, p.key());
                if (ps.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO latest_metrics (step, metric_value, "
                    + "logged_ms, run_id, metric_key) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, p.step());
                ps.setDouble(2, p.value());
                ps.setLong(3, p.timeMs());
                ps.setString(4, runId);
                ps.setString(5, p.key());
                ps.executeUpdate();
            }
        }

        /**
         * Runs {@code work} in a transaction and commits; on an {@link SQLException} rolls back, reconnects and tries
         * again for up to {@value #RETRY_SECONDS} s. Other exceptions (a param conflict) roll back and propagate.
         */
        private void transaction(String what, SqlWork work) throws SQLException {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
            for (int attempt = 1; ; attempt++) {
                try {
                    Connection c = connection();
                    try {
                        work.run(c);
                        c.commit();
                        return;
                    } catch (RuntimeException e) {
                        rollback(c);
                        throw e;
                    }
                } catch (SQLException e) {
                    rollback(connection);
                    ExperimentStore.closeQuietly(connection);
                    connection = null;
                    if (System.nanoTime() - giveUp > 0 || isPermanent(e)) {
                        throw e;
                    }
                    if (attempt == 1 || attempt % 10 == 0) {
                        LOG.info("run {}: cannot {} ({}); reconnecting and retrying", runId, what, e.getMessage());
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(2_000, 50L * attempt)));
                }
            }
        }

        private Connection connection() throws SQLException {
            if (connection == null) {
                connection = store.newConnection();
                connection.setAutoCommit(false);
            }
            return connection;
        }

        private void rollback(Connection c) {
            if (c != null) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is probably gone; it is replaced
                }
            }
        }
    }

    /** Errors a retry cannot fix; connection losses, lock timeouts and the like are retried. */
    private static boolean isPermanent(SQLException e) {
        return Connections.isPermanent(e);
    }
}
