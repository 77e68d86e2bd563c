package org.estimator4j.bench.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.table.Batch;
import org.estimator4j.bench.csv.AdultShapedCsv;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.FeatureTransformer;

/**
 * Feature-column transform throughput for the census tutorial's column set: each batch goes through the wide
 * (linear: sparse ids of vocabularies, hash bucket, bucketized age and two crosses) and the deep (dense: numerics,
 * indicators, an embedding of dimension 8) transformers. Batches are read into memory first, so only the transform is
 * timed; with n threads, each thread transforms every n-th batch.
 *
 * <pre>
 * java -cp bench/target/estimator4j-bench.jar org.estimator4j.bench.features.CensusTransformBench \
 *     --rows 1000000 --batch 1024 --threads 1,2 --passes 5
 * </pre>
 */
public final class CensusTransformBench {
    private CensusTransformBench() {}

    public static void main(String[] args) throws Exception {
        long rows = 1_000_000;
        int batchSize = 1024;
        List<Integer> threads = List.of(1, 2);
        int passes = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--batch" -> batchSize = Integer.parseInt(args[++i]);
                case "--threads" ->
                    threads = java.util.Arrays.stream(args[++i].split(","))
                            .map(String::trim)
                            .map(Integer::valueOf)
                            .toList();
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println(
                            "unknown option " + args[i] + "; options: --rows N --batch N --threads 1,2 --passes N");
                    System.exit(2);
                }
            }
        }
        List<Batch> batches = load(rows, batchSize);
        long total = batches.stream().mapToLong(Batch::numRows).sum();
        CensusColumns columns = new CensusColumns();
        FeatureTransformer wide = FeatureTransformer.linear(columns.wide);
        FeatureTransformer deep = FeatureTransformer.dense(columns.deep);
        EmbeddingTables tables = new EmbeddingTables(42);
        System.out.printf(
                Locale.ROOT,
                "%d rows in %d batches of %d; wide: %d sparse + %d dense columns; deep: %d "
                        + "values per row; %d cores%n",
                total,
                batches.size(),
                batchSize,
                wide.sparseColumns().size(),
                wide.denseColumns().size(),
                deep.denseWidth(),
                Runtime.getRuntime().availableProcessors());
        for (int t : threads) {
            ExecutorService pool = Executors.newFixedThreadPool(t);
            List<Double> seconds = new ArrayList<>();
            for (int p = 0; p <= passes; p++) {
                // The batches were just loaded: settle them in the old generation so no pass pays for copying them.
                System.gc();
                long start = System.nanoTime();
                List<Future<Long>> parts = new ArrayList<>();
                for (int id = 0; id < t; id++) {
                    int first = id;
                    int stride = t;
                    parts.add(pool.submit(() -> {
                        long checksum = 0;
                        for (int b = first; b < batches.size(); b += stride) {
                            checksum += wide.transform(batches.get(b), tables)
                                    .sparse()
                                    .size();
                            checksum += deep.transform(batches.get(b), tables).dense().length;
                        }
                        return checksum;
                    }));
                }
                for (Future<Long> f : parts) {
                    f.get();
                }
                double s = (System.nanoTime() - start) / 1e9;
                if (p > 0) { // pass 0 warms the JIT
                    seconds.add(s);
                }
            }
            pool.shutdown();
            seconds.sort(null);
            double median = seconds.get(seconds.size() / 2);
            System.out.printf(
                    Locale.ROOT,
                    "threads=%d median %.3f s: %,.0f rows/s (passes %s)%n",
                    t,
                    median,
                    total / median,
                    seconds);
        }
    }

    private static List<Batch> load(long rows, int batchSize) throws IOException {
        Path file = Files.createTempFile("e4j-census", ".csv");
        try {
            AdultShapedCsv.write(file, rows * 111, 42);
            CsvOptions options =
                    CsvOptions.builder().file(file).naTokens("").parallelism(2).build();
            return Dataset.fromCsv(options)
                    .take(rows)
                    .batch(batchSize, false, Batch::of)
                    .toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
