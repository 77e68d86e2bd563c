package org.estimator4j.bench.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.estimator4j.api.tracking.RunStatus;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.TrackedRun;

/**
 * Metric logging into the experiment store: one run logs N points (4 keys, N/4 steps each) as fast as it can, and the
 * clock stops when {@code flush()} returns, i.e. when every point is committed (metrics rows and latest_metrics). Also
 * reports what the training thread pays per {@code logMetric} call (queueing only), and points per CPU-second of the
 * writer thread and of the whole process (which, unlike the wall-clock rate, hardly depend on what else the machine
 * runs; H2 serialises pages on a thread of its own, so the writer's rate is the bound with a core to spare). Five
 * rounds after a warm-up round;
 * a fresh H2 file in a temp folder unless a store URL is given.
 *
 * <pre>
 * java -cp bench/target/estimator4j-bench.jar org.estimator4j.bench.store.MetricLoggingBench [POINTS] [STORE_URL]
 * </pre>
 */
public final class MetricLoggingBench {
    private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static final String[] KEYS = {"train_loss", "accuracy", "auc", "learning_rate"};

    private MetricLoggingBench() {}

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("e4j-store-bench");
        String url = args.length > 1 ? args[1] : dir.resolve("store").toString();
        try (ExperimentStore store = ExperimentStore.open(url)) {
            System.out.printf(
                    Locale.ROOT,
                    "store %s (%s), %,d points per run%n",
                    store.dialect(),
                    args.length > 1 ? "given URL" : "fresh H2 file",
                    points);
            round(store, points); // warm-up: JIT, H2 page cache
            int rounds = 5;
            double[] rates = new double[rounds];
            double[] writerRates = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long[] result = round(store, points);
                rates[r] = points / (result[0] / 1e9);
                writerRates[r] = points / (result[3] / 1e9);
                System.out.printf(
                        Locale.ROOT,
                        "round %d: %,.0f points/s committed; %,.0f per CPU-second of the "
                                + "writer thread, %,.0f per CPU-second of the process; logMetric %.0f ns/call on the training "
                                + "thread%n",
                        r + 1,
                        rates[r],
                        writerRates[r],
                        points / (result[2] / 1e9),
                        result[1] / (double) points);
            }
            Arrays.sort(rates);
            Arrays.sort(writerRates);
            System.out.printf(
                    Locale.ROOT,
                    "median %,.0f points/s (min %,.0f, max %,.0f); writer thread alone: median "
                            + "%,.0f points per CPU-second; load average %.1f on %d cores%n",
                    rates[rounds / 2],
                    rates[0],
                    rates[rounds - 1],
                    writerRates[rounds / 2],
                    OS.getSystemLoadAverage(),
                    OS.getAvailableProcessors());
        }
    }

    /**
     * {total nanos until committed, nanos spent inside logMetric, process CPU nanos until committed, CPU nanos of the
     * run's writer thread}.
     */
    private static long[] round(ExperimentStore store, int points) {
        TrackedRun run = store.startRun("bench");
        int steps = points / KEYS.length;
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        for (int step = 0; step < steps; step++) {
            for (String key : KEYS) {
                run.logMetric(key, 1.0 / (step + 1), step);
            }
        }
        long logged = System.nanoTime();
        run.flush(); // every point committed
        long committed = System.nanoTime();
        cpu = OS.getProcessCpuTime() - cpu;
        long writerCpu = writerCpuNanos(run);
        run.end(RunStatus.FINISHED, null);
        if (store.metricHistory(run.runId(), "auc").size() != steps) {
            throw new IllegalStateException("points are missing");
        }
        return new long[] {committed - start, logged - start, cpu, writerCpu};
    }

    /** The CPU time of the run's writer thread so far (its name ends with the run id's first 8 characters). */
    private static long writerCpuNanos(TrackedRun run) {
        String name = "e4j-run-writer-" + run.runId().substring(0, 8);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(t.getId());
            }
        }
        throw new IllegalStateException("no writer thread " + name);
    }
}
