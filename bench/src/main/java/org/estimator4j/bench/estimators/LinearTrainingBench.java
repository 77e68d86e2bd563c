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
 * java -XX:+UseTransparentHugePages -cp bench/target/estimator4j-bench.jar \
 *     org.estimator4j.bench.estimators.LinearTrainingBench 800000
 * </pre>
 */
public final class LinearTrainingBench {
    private LinearTrainingBench() {}

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        denseLogisticRegression(steps);
        // 10^3 and 10^6 buckets alternate (A B A B ...), so a change in machine load hits both alike.
        List<Measured> small = new ArrayList<>();
        List<Measured> large = new ArrayList<>();
        List<FeatureColumn> smallColumns = hashedColumns(1_000);
        List<FeatureColumn> largeColumns = hashedColumns(1_000_000);
        List<LabeledBatch> batches = hashedBatches();
        for (int round = 0; round < 5; round++) {
            small.add(run(smallColumns, batches, steps / 4));
            large.add(run(largeColumns, batches, steps / 4));
        }
        print("hashed user, item, user x item with 1000 buckets, batch 256", small, steps / 4, 256);
        print("hashed user, item, user x item with 1000000 buckets, batch 256", large, steps / 4, 256);
        System.out.printf(
                Locale.ROOT,
                "10^6 / 10^3 slowdown, median step loop: %.2fx (whole train() call: %.2fx)%n",
                median(small, true) / median(large, true),
                median(small, false) / median(large, false));
    }

    /** One train() call's rates: the step loop alone, and the whole call (model build and final checkpoint too). */
    private record Measured(double loopStepsPerSecond, double callStepsPerSecond) {}

    private static Measured run(List<FeatureColumn> columns, List<LabeledBatch> batches, int steps) throws Exception {
        StepClock clock = new StepClock();
        InputFn input = clock.wrap(mode -> Dataset.fromIterable(batches).repeat());
        ModelEstimator model = LinearClassifier.builder(columns)
                .runConfig(RunConfig.builder()
                        .modelDir(Files.createTempDirectory("e4j-bench-linear"))
                        .saveCheckpointsSecs(1_000_000)
                        .logStepCountSteps(Integer.MAX_VALUE)
                        .build())
                .build();
        long start = System.nanoTime();
        model.train(input, Steps.of(steps));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Measured(clock.loopExamplesPerSecond() / 256, steps / seconds);
    }

    private static double median(List<Measured> runs, boolean loop) {
        double[] v = runs.stream()
                .mapToDouble(m -> loop ? m.loopStepsPerSecond() : m.callStepsPerSecond())
                .sorted()
                .toArray();
        return v[v.length / 2];
    }

    private static void print(String what, List<Measured> runs, int steps, int batchSize) {
        double loop = median(runs, true);
        System.out.printf(
                Locale.ROOT,
                "%s: %,.0f steps/s, %,.0f examples/s in the step loop (median of %d runs of "
                        + "%,d steps; whole train() call %,.0f steps/s)%n",
                what,
                loop,
                loop * batchSize,
                runs.size(),
                steps,
                median(runs, false));
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

    private static List<FeatureColumn> hashedColumns(int buckets) {
        return List.of(
                FeatureColumns.categoricalColumnWithHashBucket("user", buckets),
                FeatureColumns.categoricalColumnWithHashBucket("item", buckets),
                FeatureColumns.crossedColumn(List.of("user", "item"), buckets));
    }

    private static List<LabeledBatch> hashedBatches() {
        Schema schema = Schema.of(
                Field.scalar("user", DType.STRING),
                Field.scalar("item", DType.STRING),
                Field.scalar("label", DType.INT64));
        SplittableRandom r = new SplittableRandom(2);
        List<LabeledBatch> batches = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            List<Example> rows = new ArrayList<>();
            for (int i = 0; i < 256; i++) {
                long u = r.nextLong(1_000_000);
                long it = r.nextLong(100_000);
                rows.add(Example.builder(schema)
                        .set("user", "u" + u)
                        .set("item", "i" + it)
                        .set("label", (u + it) % 3 == 0 ? 1L : 0L)
                        .build());
            }
            batches.add(LabeledBatch.split(Batch.of(rows), List.of("label")));
        }
        return batches;
    }

    private static void report(
            String what, List<FeatureColumn> columns, List<LabeledBatch> batches, int steps, int batchSize)
            throws Exception {
        InputFn input = mode -> Dataset.fromIterable(batches).repeat();
        double best = 0;
        for (int round = 0; round < 3; round++) {
            ModelEstimator model = LinearClassifier.builder(columns)
                    .runConfig(RunConfig.builder()
                            .modelDir(Files.createTempDirectory("e4j-bench-linear"))
                            .saveCheckpointsSecs(1_000_000)
                            .logStepCountSteps(Integer.MAX_VALUE)
                            .build())
                    .build();
            long start = System.nanoTime();
            model.train(input, Steps.of(steps));
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, steps / seconds);
        }
        System.out.printf(
                Locale.ROOT,
                "%s: %,.0f steps/s, %,.0f examples/s (best of 3 runs of %,d steps)%n",
                what,
                best,
                best * batchSize,
                steps);
    }
}
