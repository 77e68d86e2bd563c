package org.estimator4j.bench.csv;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.data.DatasetIterator;
import org.estimator4j.api.table.Batch;

/**
 * Streams a large CSV through shuffle(10,000) and batch(1024) and reports the peak heap, to show memory stays constant
 * whatever the file size. Run it with a small heap; an OutOfMemoryError fails it.
 *
 * <pre>
 * java -Xmx512m -cp bench/target/estimator4j-bench.jar org.estimator4j.bench.csv.StreamingMemoryBench \
 *     --file /tmp/e4j-bench/adult-2g.csv --megabytes 2048
 * </pre>
 */
public final class StreamingMemoryBench {
    private StreamingMemoryBench() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of("/tmp/e4j-bench/adult-2g.csv");
        long megabytes = 2048;
        int threads = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--file" -> file = Path.of(args[++i]);
                case "--megabytes" -> megabytes = Long.parseLong(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; options: --file F --megabytes N --threads N");
                    System.exit(2);
                }
            }
        }
        if (!Files.exists(file) || Files.size(file) < (megabytes << 20)) {
            System.out.printf("generating %d MB of Adult-shaped CSV at %s%n", megabytes, file);
            AdultShapedCsv.write(file, megabytes << 20, 7);
        }
        CsvOptions options = CsvOptions.builder()
                .file(file)
                .naTokens("", "?")
                .parallelism(threads)
                .build();
        long start = System.nanoTime();
        long rows = 0;
        long batches = 0;
        try (Dataset<Batch> data = Dataset.fromCsv(options).shuffle(10_000, 42).batch(1024, false, Batch::of);
                DatasetIterator<Batch> it = data.iterator()) {
            while (it.hasNext()) {
                rows += it.next().numRows();
                batches++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "file %.0f MB, %d rows in %d batches, %.1f s (%,.0f rows/s); max heap %d MB, "
                        + "peak heap used (sum of pool peaks) %d MB%n",
                Files.size(file) / 1e6,
                rows,
                batches,
                seconds,
                rows / seconds,
                Runtime.getRuntime().maxMemory() >> 20,
                peak >> 20);
    }
}
