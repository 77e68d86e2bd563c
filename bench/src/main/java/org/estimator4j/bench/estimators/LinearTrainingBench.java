package org.estimator4j.bench.estimators;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;

/**
 * LinearClassifier training speed through the whole estimator loop (transform, logits, loss, FTRL; the one
 * checkpoint written when train() ends is included, which for 10^6 buckets is ~36 MB):
 * <ol>
 *   <li>a 10-feature logistic regression at batch 32 (steps/s; stock DL4J fit() tops out near 800 here);
 *   <li>a hashed categorical model with 10^3 and with 10^6 buckets (examples/s), which should cost about the same:
 *       the work is per active id, not per bucket.
 * </ol>
 * Batches are prepared in memory and replayed, so the input pipeline is not measured.
 *
 * <pre>
 * java -cp bench/target/estimator4j-bench.jar org.estimator4j.bench.estimators.LinearTrainingBench
 * </pre>
 */
public final class LinearTrainingBench {
    private LinearTrainingBench() {}

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        denseLogisticRegression(steps);
        for (int buckets : new int[] {1_000, 1_000_000}) {
            hashedModel(buckets, steps / 4);
        }
    }

    private static void denseLogisticRegression(int steps) throws Exception {
        List<Field> fields = new ArrayList<>();
        List<FeatureColumn> columns = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fields.add(Field.scalar("x" + i, DType.FLOAT32));
            columns.add(FeatureColumns.numericColumn("x" + i));
        }
        fields.add(Field.scalar("label", DType.INT64));
        Schema schema = Schema.of(fields);
        SplittableRandom r = new SplittableRandom(1);
        List<LabeledBatch> batches = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            List<Example> rows = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                Example.Builder e = Example.builder(schema);
                double z = 0;
                for (int k = 0; k < 10; k++) {
                    double x = r.nextGaussian();
                    z += (k - 4.5) * x;
                    e.set("x" + k, x);
                }
                rows.add(e.set("label", z > 0 ? 1L : 0L).build());
            }
            batches.add(LabeledBatch.split(Batch.of(rows), List.of("label")));
        }
        report("logistic regression, 10 dense features, batch 32", columns, batches, steps, 32);
    }

    private static void hashedModel(int buckets, int steps) throws Exception {
        Schema schema = Schema.of(Field.scalar("user", DType.STRING), Field.scalar("item", DType.STRING),
                Field.scalar("label", DType.INT64));
        List<FeatureColumn> columns = List.of(
                FeatureColumns.categoricalColumnWithHashBucket("user", buckets),
                FeatureColumns.categoricalColumnWithHashBucket("item", buckets),
                FeatureColumns.crossedColumn(List.of("user", "item"), buckets));
        SplittableRandom r = new SplittableRandom(2);
        List<LabeledBatch> batches = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            List<Example> rows = new ArrayList<>();
            for (int i = 0; i < 256; i++) {
                long u = r.nextLong(1_000_000);
                long it = r.nextLong(100_000);
                rows.add(Example.builder(schema).set("user", "u" + u).set("item", "i" + it)
                        .set("label", (u + it) % 3 == 0 ? 1L : 0L).build());
            }
            batches.add(LabeledBatch.split(Batch.of(rows), List.of("label")));
        }
        report("hashed user, item, user x item with " + buckets + " buckets, batch 256", columns, batches, steps,
                256);
    }

    private static void report(String what, List<FeatureColumn> columns, List<LabeledBatch> batches, int steps,
            int batchSize) throws Exception {
        InputFn input = mode -> Dataset.fromIterable(batches).repeat();
        double best = 0;
        for (int round = 0; round < 3; round++) {
            ModelEstimator model = LinearClassifier.builder(columns).runConfig(RunConfig.builder()
                    .modelDir(Files.createTempDirectory("e4j-bench-linear")).saveCheckpointsSecs(1_000_000)
                    .logStepCountSteps(Integer.MAX_VALUE).build()).build();
            long start = System.nanoTime();
            model.train(input, Steps.of(steps));
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, steps / seconds);
        }
        System.out.printf(Locale.ROOT, "%s: %,.0f steps/s, %,.0f examples/s (best of 3 runs of %,d steps)%n", what,
                best, best * batchSize, steps);
    }
}
