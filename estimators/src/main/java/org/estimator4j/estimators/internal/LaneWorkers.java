package org.estimator4j.estimators.internal;

import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The threads that run a training batch's lanes (row ranges of a DNN, column groups of a linear model) side by side: one per core beyond the caller's, shared by the JVM.
 * A step hands them work twice (forward, backward) and each hand-off must cost microseconds, not the tens a parked
 * thread takes to wake, so a worker spins briefly for its next task before it parks. While one model trains on them
 * another model's call runs its lanes on its own thread instead of queueing (never more busy threads than cores).
 */
public final class LaneWorkers {
    /** How long an idle worker polls for the next task before parking: longer than a step's serial part. */
    private static final long SPIN_NANOS = 200_000;

    /**
     * The system property capping the threads a training step uses (the caller's included); one thread per core
     * by default. Lower it when other work shares the machine.
     */
    public static final String THREADS_PROPERTY = "estimator4j.training.threads";

    public static final LaneWorkers SHARED = new LaneWorkers(configuredThreads() - 1);

    private static int configuredThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        String value = System.getProperty(THREADS_PROPERTY);
        if (value == null || value.isBlank()) {
            return cores;
        }
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "system property " + THREADS_PROPERTY + " must be a whole number >= 1, " + "got '" + value + "'");
    }

    private final ReentrantLock busy = new ReentrantLock();
    private final Worker[] workers;

    /** Workers with {@code threads} threads of their own (the caller makes one more); tests make their own. */
    public LaneWorkers(int threads) {
        this.workers = new Worker[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Worker(i + 1);
        }
    }

    /** Lanes that can run at once: the workers and the caller. */
    public int parallelism() {
        return workers.length + 1;
    }

    /**
     * Runs {@code lane.accept(j)} for j in [0, lanes): lane 0 on the caller, the others on workers, and returns when all
     * have finished; the first failure is rethrown. Runs them one after another on the caller when the workers are
     * taken or too few.
     */
    public void run(int lanes, IntConsumer lane) {
        if (lanes == 1 || lanes > parallelism() || !busy.tryLock()) {
            for (int j = 0; j < lanes; j++) {
                lane.accept(j);
            }
            return;
        }
        try {
            for (int j = 1; j < lanes; j++) {
                workers[j - 1].post(lane, j);
            }
            Throwable failure = null;
            try {
                lane.accept(0);
            } catch (Throwable t) {
                failure = t;
            }
            for (int j = 1; j < lanes; j++) {
                Throwable t = workers[j - 1].awaitDone();
                if (failure == null) {
                    failure = t;
                }
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        } finally {
            busy.unlock();
        }
    }

    /** One daemon thread running posted lanes; {@code posted} and {@code done} count tasks. */
    private static final class Worker implements Runnable {
        private final Thread thread;
        private volatile long posted;
        private volatile long done;
        private IntConsumer task;
        private int lane;
        private Throwable failure;

        Worker(int index) {
            this.thread = new Thread(this, "e4j-training-lane-" + index);
            thread.setDaemon(true);
            thread.start();
        }

        void post(IntConsumer task, int lane) {
            this.task = task;
            this.lane = lane;
            this.failure = null;
            posted = posted + 1; // volatile write: publishes task and lane
            LockSupport.unpark(thread);
        }

        Throwable awaitDone() {
            long target = posted;
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (done != target) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            return failure;
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                long spinUntil = System.nanoTime() + SPIN_NANOS;
                while (posted == seen) {
                    if (System.nanoTime() < spinUntil) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                }
                seen = posted;
                try {
                    task.accept(lane);
                } catch (Throwable t) {
                    failure = t;
                }
                task = null;
                done = seen; // volatile write: publishes the lane's results and any failure
            }
        }
    }
}
