package org.estimator4j.bench.workloads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes every workload's data into a directory, once per comparison: {@code --out DIR [--rows N] [--seed S]}.
 */
public final class GenerateData {
    private GenerateData() {}

    public static void main(String[] args) throws Exception {
        Path out = null;
        int rows = 1 << 17;
        long seed = 42;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[i + 1]);
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + args[i] + "; options: --out DIR --rows N --seed S");
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("give --out DIR");
        }
        Files.createDirectories(out);
        for (Workload w : Workload.values()) {
            WorkloadData data = DataGenerator.generate(w, rows, seed);
            data.write(WorkloadData.file(out, w));
            double positives = 0;
            for (float label : data.labels()) {
                positives += label;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s: %,d rows, %d dense values and %d ids a row, %.1f%% positive%n",
                    w,
                    rows,
                    w.denseWidth(),
                    w.idColumns.size(),
                    100 * positives / rows);
        }
    }
}
