package org.estimator4j.bench.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.data.DatasetIterator;
import org.estimator4j.api.table.Batch;

/**
 * CSV file to typed columnar batches: rows/s and MB/s for each parsing thread count, median of several passes after a
 * warm-up pass. The file is generated (Adult-shaped) if it does not exist.
 *
 * <pre>
 * java -cp bench/target/estimator4j-bench.jar org.estimator4j.bench.csv.CsvThroughputBench \
 *     --file /tmp/e4j-bench/adult-1g.csv --megabytes 1024 --threads 1,2 --batch 1024 --passes 3
 * </pre>
 */
public final class CsvThroughputBench {
    private CsvThroughputBench() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of("/tmp/e4j-bench/adult-1g.csv");
        long megabytes = 1024;
        List<Integer> threads = List.of(1, 2);
        int batch = 1024;
        int passes = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--file" -> file = Path.of(args[++i]);
                case "--megabytes" -> megabytes = Long.parseLong(args[++i]);
                case "--threads" -> threads = parseInts(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]
                            + "; options: --file F --megabytes N --threads 1,2 --batch N --passes N");
                    System.exit(2);
                }
            }
        }
        if (!Files.exists(file) || Files.size(file) < (megabytes << 20)) {
            System.out.printf("generating %d MB of Adult-shaped CSV at %s%n", megabytes, file);
            AdultShapedCsv.write(file, megabytes << 20, 42);
        }
        double mb = Files.size(file) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "file %s: %.0f MB; batch %d; %d cores; JVM %s%n",
                file,
                mb,
                batch,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        for (int t : threads) {
            CsvOptions options = CsvOptions.builder()
                    .file(file)
                    .labelColumns("income_bracket")
                    .naTokens("", "?")
                    .parallelism(t)
                    .build();
            List<Double> seconds = new ArrayList<>();
            long rows = 0;
            for (int p = 0; p <= passes; p++) {
                long start = System.nanoTime();
                rows = readAll(options, batch);
                double s = (System.nanoTime() - start) / 1e9;
                if (p > 0) { // pass 0 warms the JIT
                    seconds.add(s);
                }
            }
            seconds.sort(null);
            double median = seconds.get(seconds.size() / 2);
            System.out.printf(
                    Locale.ROOT,
                    "threads=%d rows=%d median %.2f s: %,.0f rows/s, %.0f MB/s (passes %s)%n",
                    t,
                    rows,
                    median,
                    rows / median,
                    mb / median,
                    seconds);
        }
    }

    static long readAll(CsvOptions options, int batch) {
        long rows = 0;
        try (Dataset<Batch> batches = Dataset.fromCsv(options).batch(batch, false, Batch::of);
                DatasetIterator<Batch> it = batches.iterator()) {
            while (it.hasNext()) {
                rows += it.next().numRows();
            }
        }
        return rows;
    }

    private static List<Integer> parseInts(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            out.add(Integer.parseInt(s.trim()));
        }
        return out;
    }
}
