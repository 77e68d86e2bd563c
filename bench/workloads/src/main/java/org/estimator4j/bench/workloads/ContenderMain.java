package org.estimator4j.bench.workloads;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The measuring protocol both sides run, so neither can differ in it: for each workload, a fresh model trains at each
 * batch size (warm-up, then measured time), then predicts batches, then single examples; then another fresh model
 * trains on a fixed number of examples and reports its log loss (see {@link #logLoss}). Every figure is appended to
 * the results file with the round number.
 *
 * <pre>
 * --data DIR --out FILE --round N [--workloads mlp,sparse-linear,wide-deep] [--batches 32,256,1024]
 * [--warmup-seconds 1.5] [--seconds 4] [--latency-calls 50000] [--quality-examples 262144]
 * </pre>
 */
public final class ContenderMain {
    /** The batch size of the fixed-count training behind the log loss. */
    static final int QUALITY_BATCH = 256;

    private ContenderMain() {}

    public static void run(String[] args, Contender contender) throws Exception {
        Path data = null;
        Path out = null;
        int round = 0;
        List<Workload> workloads = List.of(Workload.values());
        int[] batches = {32, 256, 1024};
        double warmup = 1.5;
        double seconds = 4;
        int latencyCalls = 50_000;
        long qualityExamples = 262_144;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> data = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--round" -> round = Integer.parseInt(value);
                case "--workloads" ->
                    workloads = Stream.of(value.split(",")).map(Workload::named).toList();
                case "--batches" ->
                    batches = Stream.of(value.split(","))
                            .mapToInt(s -> Integer.parseInt(s.trim()))
                            .toArray();
                case "--warmup-seconds" -> warmup = Double.parseDouble(value);
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--latency-calls" -> latencyCalls = Integer.parseInt(value);
                case "--quality-examples" -> qualityExamples = Long.parseLong(value);
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i] + "; options: --data DIR "
                            + "--out FILE --round N --workloads LIST --batches LIST --warmup-seconds S --seconds S "
                            + "--latency-calls N --quality-examples N");
            }
            i++;
        }
        if (data == null || out == null) {
            throw new IllegalArgumentException("give --data DIR (from GenerateData) and --out FILE (results)");
        }
        Budget budget = new Budget(warmup, seconds);
        String side = contender.name();
        new Measurement(
                        side,
                        "-",
                        "threads",
                        0,
                        round,
                        Runtime.getRuntime().availableProcessors(),
                        contender.threading() + "; OMP_WAIT_POLICY="
                                + System.getenv().getOrDefault("OMP_WAIT_POLICY", "unset") + "; Java "
                                + System.getProperty("java.version"))
                .appendTo(out);
        for (Workload workload : workloads) {
            WorkloadData rows = WorkloadData.read(WorkloadData.file(data, workload));
            try (WorkloadSession session = contender.open(rows)) {
                for (int batch : batches) {
                    double rate = session.trainExamplesPerSecond(batch, budget);
                    record(out, new Measurement(side, workload.id, Measurement.TRAIN, batch, round, rate, ""));
                }
                for (int batch : batches) {
                    double rate = session.inferenceExamplesPerSecond(batch, budget);
                    record(out, new Measurement(side, workload.id, Measurement.INFER, batch, round, rate, ""));
                }
                long[] nanos = session.singleExampleNanos(latencyCalls, latencyCalls / 2);
                Arrays.sort(nanos);
                double p50 = nanos[nanos.length / 2] / 1e3;
                double p99 = nanos[(int) (nanos.length * 0.99)] / 1e3;
                record(
                        out,
                        new Measurement(
                                side,
                                workload.id,
                                Measurement.PREDICT_ONE,
                                1,
                                round,
                                p50,
                                String.format(Locale.ROOT, "p99 %.1f us over %d calls", p99, nanos.length)));
            }
            record(out, logLoss(contender, rows, qualityExamples, round));
        }
    }

    /**
     * Model quality at a fixed count: a fresh model trains on {@code examples} examples (rounded down to whole batches
     * of {@link #QUALITY_BATCH}, the data's batches in order, repeated), then its log loss on the first 8,192 rows.
     * The timed phases train for a time, so their models saw as many examples as each side's pace allowed; this one
     * saw the same on both sides.
     */
    static Measurement logLoss(Contender contender, WorkloadData rows, long examples, int round) throws Exception {
        int batch = Math.min(QUALITY_BATCH, rows.rows());
        long steps = Math.max(1, examples / batch);
        try (WorkloadSession fresh = contender.open(rows)) {
            fresh.trainSteps(batch, steps);
            double loss = fresh.logLoss(Math.min(rows.rows(), 8192));
            return new Measurement(
                    contender.name(),
                    rows.workload().id,
                    Measurement.LOG_LOSS,
                    batch,
                    round,
                    loss,
                    String.format(Locale.ROOT, "after %d examples at batch %d", steps * batch, batch));
        }
    }

    private static void record(Path out, Measurement m) throws Exception {
        m.appendTo(out);
        System.out.println(m.line());
    }
}
