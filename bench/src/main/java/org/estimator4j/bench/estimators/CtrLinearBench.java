package org.estimator4j.bench.estimators;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.estimator.EvalResult;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.CsvInputFn;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;

/**
 * A Criteo-shaped click-through workload end to end: a generated CSV of 13 integer and 26 categorical columns (value
 * cardinalities from 10 to 10^6, Zipf-like), streamed through the CSV pipeline into a LinearClassifier whose 26
 * categorical columns are hashed into 10^6 buckets each. Reports training examples/s (one epoch, input pipeline
 * included) and evaluation examples/s.
 *
 * <pre>
 * java -cp bench/target/estimator4j-bench.jar org.estimator4j.bench.estimators.CtrLinearBench 1000000 256
 * </pre>
 */
public final class CtrLinearBench {
    private CtrLinearBench() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        Path dir = Files.createTempDirectory("e4j-ctr");
        Path train = dir.resolve("train.csv");
        long start = System.nanoTime();
        write(train, rows, 1);
        Path test = dir.resolve("test.csv");
        write(test, rows / 10, 2);
        System.out.printf(
                Locale.ROOT,
                "generated %,d + %,d rows (%.0f MB) in %.1f s%n",
                rows,
                rows / 10,
                Files.size(train) / 1e6,
                (System.nanoTime() - start) / 1e9);

        List<FeatureColumn> columns = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            columns.add(FeatureColumns.numericColumn("i" + i, 0f));
        }
        for (int c = 1; c <= 26; c++) {
            columns.add(FeatureColumns.categoricalColumnWithHashBucket("c" + c, 1_000_000));
        }
        ModelEstimator model = LinearClassifier.builder(columns)
                .runConfig(RunConfig.builder()
                        .modelDir(dir.resolve("model"))
                        .saveCheckpointsSecs(1_000_000)
                        .logStepCountSteps(Integer.MAX_VALUE)
                        .build())
                .build();
        CsvOptions trainCsv = CsvOptions.builder()
                .file(train)
                .labelColumns("label")
                .parallelism(2)
                .build();
        CsvOptions testCsv = CsvOptions.builder()
                .file(test)
                .labelColumns("label")
                .parallelism(2)
                .build();
        start = System.nanoTime();
        model.train(
                CsvInputFn.builder(trainCsv)
                        .batchSize(batch)
                        .shuffleBuffer(10_000)
                        .epochs(1)
                        .build(),
                Steps.untilEndOfInput());
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        EvalResult eval =
                model.evaluate(CsvInputFn.builder(testCsv).batchSize(4096).build());
        double evalSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "train: %,d rows, batch %d, %.1f s: %,.0f examples/s (%,.0f steps/s)%n",
                rows,
                batch,
                trainSeconds,
                rows / trainSeconds,
                model.globalStep() / trainSeconds);
        System.out.printf(
                Locale.ROOT,
                "evaluate: %,d rows in %.1f s: %,.0f examples/s; auc %.4f, accuracy %.4f%n",
                rows / 10,
                evalSeconds,
                rows / 10 / evalSeconds,
                eval.metric("auc"),
                eval.metric("accuracy"));
    }

    /**
     * Writes {@code rows} rows of the Criteo-shaped CSV (header {@code label,i1..i13,c1..c26}); clicks depend on a few
     * of the features, so the model has something to learn. Shared with {@link CtrDnnBench}, so both train on the same
     * data.
     */
    static void write(Path file, int rows, long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        int[] cardinality = new int[26];
        for (int c = 0; c < 26; c++) {
            cardinality[c] = (int) Math.round(Math.pow(10, 1 + 5.0 * c / 25)); // 10 .. 10^6
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("label");
            for (int i = 1; i <= 13; i++) {
                header.append(",i").append(i);
            }
            for (int c = 1; c <= 26; c++) {
                header.append(",c").append(c);
            }
            w.write(header.append('\n').toString());
            StringBuilder sb = new StringBuilder(256);
            for (int n = 0; n < rows; n++) {
                sb.setLength(0);
                int[] values = new int[26];
                double z = -1.5;
                for (int c = 0; c < 26; c++) {
                    // Zipf-like: small ids are much more frequent.
                    values[c] =
                            (int) Math.min(cardinality[c] - 1, Math.floor(Math.pow(cardinality[c], r.nextDouble())));
                    if (c < 6) {
                        z += (values[c] % 7 == 0 ? 0.8 : -0.1);
                    }
                }
                int i1 = r.nextInt(100);
                z += 0.01 * (i1 - 50);
                sb.append(r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0)
                        .append(',')
                        .append(i1);
                for (int i = 2; i <= 13; i++) {
                    sb.append(',');
                    if (r.nextInt(10) != 0) { // 10% missing, as in Criteo
                        sb.append(r.nextInt(1000));
                    }
                }
                for (int c = 0; c < 26; c++) {
                    sb.append(",c").append(c).append('_').append(values[c]);
                }
                w.write(sb.append('\n').toString());
            }
        }
    }
}
