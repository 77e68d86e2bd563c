package org.estimator4j.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.estimator4j.api.internal.Logs;
import org.slf4j.Logger;

/**
 * The writer thread of one {@link TrackedRun}: every database write of the run happens here, with a connection of its
 * own, in the order the writes were queued. Metric points are written in batches ({@value TrackedRun#MAX_BATCH} at
 * most, or what arrived within {@value TrackedRun#LINGER_MS} ms of the first); other writes are tasks the caller
 * waits for; between writes the run's heartbeat is updated.
 *
 * <p>The thread is never interrupted: H2 closes its file when a thread is interrupted inside it. A queued last task
 * stops it. A write that fails with an {@link SQLException} is retried on a new connection for up to
 * {@value TrackedRun#RETRY_SECONDS} s.
 */
final class RunWriter {
    private static final Logger LOG = Logs.get(TrackedRun.class);
    private static final long LINGER_NANOS = TrackedRun.LINGER_MS * 1_000_000L;

    /** What the queue holds: points to write in batches, and tasks to run in order. */
    sealed interface Command permits QueuedPoint, Task {}

    /** A write on the run's connection, inside a transaction the writer commits. */
    @FunctionalInterface
    interface SqlWork {
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

    private final ExperimentStore store;
    private final String runId;
    private final long heartbeatNanos;
    private final LinkedBlockingQueue<Command> queue = new LinkedBlockingQueue<>(TrackedRun.QUEUE_CAPACITY);
    private final Thread thread;
    private final AtomicLong droppedPoints = new AtomicLong();
    private volatile String writeFailure;

    /** Starts the writer thread of run {@code runId}. */
    RunWriter(ExperimentStore store, String runId, Duration heartbeat) {
        this.store = store;
        this.runId = runId;
        this.heartbeatNanos = heartbeat.toNanos();
        this.thread = new Thread(new Loop(), "e4j-run-writer-" + runId.substring(0, 8));
        // A daemon, so a forgotten run cannot keep the JVM alive; the shutdown hook ends live runs and joins it.
        thread.setDaemon(true);
        thread.start();
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    /** Queues a point, waiting up to a second for room; false when there was none. */
    boolean offer(QueuedPoint p) throws InterruptedException {
        return queue.offer(p, 1, TimeUnit.SECONDS);
    }

    /** Counts a point that will not be recorded. */
    void dropped() {
        droppedPoints.incrementAndGet();
    }

    /** Metric points that were not recorded: logged too late, or lost after retries ran out. */
    long droppedPoints() {
        return droppedPoints.get();
    }

    /** Runs {@code work} on the writer thread and waits for it; its exception is rethrown here. */
    void call(SqlWork work, String what) {
        Task task = new Task(work, false);
        enqueue(task);
        await(task, what);
    }

    /** Runs {@code work} after everything queued, then stops the thread and waits for it to end. */
    void finish(SqlWork work, String what) {
        Task last = new Task(work, true);
        enqueue(last);
        join();
        await(last, what);
    }

    private void join() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
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
                    if (!thread.isAlive() && !task.done.isDone()) {
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

    /** The thread's loop. Only this thread touches {@code connection}, {@code batch} and {@code latest}. */
    private final class Loop implements Runnable {
        private Connection connection;
        private final List<QueuedPoint> batch = new ArrayList<>();
        /** The latest point written per key, to keep {@code latest_metrics} without reading it back. */
        private final Map<String, QueuedPoint> latest = new HashMap<>();

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
                        deadline = Math.min(deadline, batchStarted + LINGER_NANOS);
                    }
                    Command c = poll(deadline - now);
                    if (c instanceof QueuedPoint p) {
                        if (batch.isEmpty()) {
                            batchStarted = System.nanoTime();
                        }
                        batch.add(p);
                        Command next;
                        while (batch.size() < TrackedRun.MAX_BATCH
                                && (next = queue.peek()) instanceof QueuedPoint more) {
                            queue.poll();
                            batch.add(more);
                        }
                        if (batch.size() >= TrackedRun.MAX_BATCH) {
                            writeBatch();
                        }
                    } else if (c instanceof Task t) {
                        writeBatch();
                        execute(t);
                        running = !t.last;
                    }
                    now = System.nanoTime();
                    if (!batch.isEmpty() && now - batchStarted >= LINGER_NANOS) {
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
                transaction("update the heartbeat", c -> RunStatements.heartbeat(c, runId));
            } catch (SQLException e) {
                LOG.warn("run {}: cannot update the heartbeat: {}", runId, e.getMessage());
            }
        }

        /** Writes the batch: points and the new latest values in one transaction, retried until it commits. */
        private void writeBatch() {
            if (batch.isEmpty()) {
                return;
            }
            Map<String, QueuedPoint> newLatest = new HashMap<>();
            for (QueuedPoint p : batch) {
                QueuedPoint best = newLatest.getOrDefault(p.key(), latest.get(p.key()));
                if (best == null
                        || p.step() > best.step()
                        || (p.step() == best.step() && p.timeMs() >= best.timeMs())) {
                    newLatest.put(p.key(), p);
                }
            }
            QueuedPoint lastPoint = batch.get(batch.size() - 1);
            boolean[] retried = {false};
            try {
                transaction("write " + batch.size() + " metric points", c -> {
                    // A retry after a lost connection may follow a commit whose answer was lost: then the batch's
                    // last point is there, and the batch must not be written twice.
                    if (!retried[0] || !RunStatements.present(c, runId, lastPoint)) {
                        store.dialect().insertMetrics(c, runId, batch);
                    }
                    retried[0] = true;
                    for (QueuedPoint p : newLatest.values()) {
                        if (p == latest.get(p.key())) {
                            continue;
                        }
                        RunStatements.upsertLatest(c, runId, p);
                    }
                });
                latest.putAll(newLatest);
            } catch (SQLException e) {
                droppedPoints.addAndGet(batch.size());
                writeFailure = e.toString();
                LOG.error(
                        "run {}: {} metric points could not be written and are lost: {}",
                        runId,
                        batch.size(),
                        e.getMessage());
            }
            batch.clear();
        }

        /**
         * Runs {@code work} in a transaction and commits; on an {@link SQLException} rolls back, reconnects and tries
         * again for up to {@value TrackedRun#RETRY_SECONDS} s. Other exceptions (a param conflict) roll back and
         * propagate.
         */
        private void transaction(String what, SqlWork work) throws SQLException {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(TrackedRun.RETRY_SECONDS);
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
                    // Errors a retry cannot fix; connection losses, lock timeouts and the like are retried.
                    if (System.nanoTime() - giveUp > 0 || Connections.isPermanent(e)) {
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
}
