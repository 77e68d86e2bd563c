package org.estimator4j.bench.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.query.RunPage;
import org.estimator4j.store.query.RunQueries;
import org.estimator4j.store.query.RunQuery;

/**
 * Search latency of the experiment store: 10,000 runs with 50 metrics, 10 params and 3 tags each, in an H2 file built
 * once with batched inserts; each query is a whole {@link RunQueries#search} (SQL, then the params, latest metrics and
 * tags of the page's 100 runs), timed 10 times after 5 warm-up runs. The target is a median under 200 ms.
 *
 * <p>Besides wall time it reports the CPU time of the searching thread: H2 runs embedded, on that thread, so its CPU
 * time is the work a search costs, and stays meaningful when other processes compete for the cores (wall time then
 * includes waiting for one).
 *
 * <pre>
 * java -cp bench/target/estimator4j-bench.jar org.estimator4j.bench.store.RunSearchBench [RUNS] [METRICS] [STORE]
 * </pre>
 *
 * With a third argument (a JDBC URL or path) it searches that store instead, filling it first if it has no runs.
 */
public final class RunSearchBench {
    private static final int PARAMS = 10;
    private static final int TAGS = 3;
    private static final int WARM_UP = 5;
    private static final int TIMED = 10;

    private RunSearchBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int metrics = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String location = args.length > 2
                ? args[2]
                : Files.createTempDirectory("e4j-search-bench").resolve("store").toString();
        try (ExperimentStore store = ExperimentStore.open(location)) {
            if (store.listExperiments().isEmpty()) {
                long start = System.nanoTime();
                fill(store, runs, metrics);
                System.out.printf(
                        Locale.ROOT,
                        "built %,d runs x %d metrics, %d params, %d tags in %.1f s (%s)%n",
                        runs,
                        metrics,
                        PARAMS,
                        TAGS,
                        (System.nanoTime() - start) / 1e9,
                        location);
            }
            RunQueries queries = new RunQueries(store);
            time(
                    queries,
                    "AND, sort by a metric",
                    RunQuery.all()
                            .where("metrics.m7 > 0.5 AND params.p3 = 'x'")
                            .orderBy("metrics.m1 DESC")
                            .limit(100));
            time(
                    queries,
                    "OR of three kinds, sort by a metric",
                    RunQuery.all()
                            .where("metrics.m7 > 0.9 OR params.p3 = 'y' OR tags.team LIKE 'risk-1%'")
                            .orderBy("metrics.m2 DESC")
                            .limit(100));
            time(
                    queries,
                    "NOT, parentheses, IN, attribute",
                    RunQuery.all()
                            .where("NOT metrics.m5 < 0.5 AND (params.p1 IN ('x', 'y') OR attributes.status = 'FAILED')")
                            .limit(100));
            time(queries, "no filter, newest first", RunQuery.all().limit(100));
            RunQuery and = RunQuery.all()
                    .where("metrics.m7 > 0.5 AND params.p3 = 'x'")
                    .orderBy("metrics.m1 DESC")
                    .limit(100);
            tokenOfPage(queries, and, 10)
                    .ifPresent(token -> time(queries, "page 10 of the AND query", and.pageToken(token)));
        }
    }

    /** The token of page {@code page} (1-based) of a search, found by paging; empty when there are fewer pages. */
    private static Optional<String> tokenOfPage(RunQueries queries, RunQuery query, int page) {
        RunPage p = queries.search(query);
        for (int i = 2; i < page && p.nextPageToken().isPresent(); i++) {
            p = queries.search(query.pageToken(p.nextPageToken().get()));
        }
        return p.nextPageToken();
    }

    private static void time(RunQueries queries, String what, RunQuery query) {
        for (int i = 0; i < WARM_UP; i++) {
            queries.search(query);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[TIMED];
        long[] cpu = new long[TIMED];
        RunPage page = null;
        for (int i = 0; i < TIMED; i++) {
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            page = queries.search(query);
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf(
                Locale.ROOT,
                "%-36s median %6.1f ms (CPU %6.1f ms)  min %6.1f ms  max %6.1f ms  (%d runs%s)%n",
                what,
                median(nanos) / 1e6,
                median(cpu) / 1e6,
                nanos[0] / 1e6,
                nanos[TIMED - 1] / 1e6,
                page.runs().size(),
                page.nextPageToken().isPresent() ? ", more" : "");
    }

    private static double median(long[] sorted) {
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }

    /**
     * Runs in 5 experiments; metric values uniform in [0, 1) (m1 missing from every 20th run, to exercise "missing
     * sorts last"); params p0..p9 from {x, y, z, w}; tags team (risk-0 .. risk-9, growth), owner, note.
     */
    static void fill(ExperimentStore store, int runs, int metrics) throws SQLException {
        Random random = new Random(42);
        List<Long> experiments = new ArrayList<>();
        for (int e = 0; e < 5; e++) {
            experiments.add(store.experiment("bench-" + e).id());
        }
        String[] values = {"x", "y", "z", "w"};
        long t0 = 1_700_000_000_000L;
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement run = c.prepareStatement("INSERT INTO runs (run_id, experiment_id, name, status,"
                            + " start_ms, end_ms, heartbeat_ms, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE)");
                    PreparedStatement param =
                            c.prepareStatement("INSERT INTO params (run_id, param_key, param_value) VALUES (?, ?, ?)");
                    PreparedStatement tag =
                            c.prepareStatement("INSERT INTO tags (run_id, tag_key, tag_value) VALUES (?, ?, ?)");
                    PreparedStatement latest = c.prepareStatement("INSERT INTO latest_metrics (run_id, metric_key,"
                            + " step, metric_value, logged_ms) VALUES (?, ?, ?, ?, ?)")) {
                for (int r = 0; r < runs; r++) {
                    String id = String.format(Locale.ROOT, "%016x%016x", random.nextLong(), (long) r);
                    long start = t0 + r * 60_000L;
                    run.setString(1, id);
                    run.setLong(2, experiments.get(r % experiments.size()));
                    run.setString(3, "run-" + r);
                    run.setString(4, r % 10 == 0 ? "FAILED" : "FINISHED");
                    run.setLong(5, start);
                    run.setLong(6, start + 30_000);
                    run.setLong(7, start + 30_000);
                    run.addBatch();
                    for (int p = 0; p < PARAMS; p++) {
                        param.setString(1, id);
                        param.setString(2, "p" + p);
                        param.setString(3, values[random.nextInt(values.length)]);
                        param.addBatch();
                    }
                    String[][] tags = {
                        {"team", random.nextInt(11) == 10 ? "growth" : "risk-" + random.nextInt(10)},
                        {"owner", "user" + random.nextInt(20)},
                        {"note", "bench run " + r}
                    };
                    for (String[] t : Arrays.copyOf(tags, TAGS)) {
                        tag.setString(1, id);
                        tag.setString(2, t[0]);
                        tag.setString(3, t[1]);
                        tag.addBatch();
                    }
                    for (int m = 0; m < metrics; m++) {
                        if (m == 1 && r % 20 == 0) {
                            continue;
                        }
                        latest.setString(1, id);
                        latest.setString(2, "m" + m);
                        latest.setLong(3, 1000);
                        latest.setDouble(4, random.nextDouble());
                        latest.setLong(5, start + 30_000);
                        latest.addBatch();
                    }
                    if (r % 500 == 499 || r == runs - 1) {
                        run.executeBatch();
                        param.executeBatch();
                        tag.executeBatch();
                        latest.executeBatch();
                        c.commit();
                    }
                }
            }
        }
    }
}
