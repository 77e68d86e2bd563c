package org.estimator4j.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.table.Batch;
import org.estimator4j.bench.estimators.StepClock;
import org.estimator4j.bench.workloads.Budget;
import org.estimator4j.bench.workloads.WorkloadData;
import org.estimator4j.bench.workloads.WorkloadSession;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.serving.Predictor;

/**
 * One workload on Estimator4J, through the API a user calls: {@code ModelEstimator.train} on an in-memory dataset of
 * the prepared batches (timed between its first and last batch, so restoring the model at the start of a call and
 * the checkpoint at its end are left out, as TensorFlow's side has neither), and the exported bundle's
 * {@link Predictor} for batch and single-example prediction.
 */
final class Estimator4jSession implements WorkloadSession {
    private final WorkloadData data;
    private final WorkloadBatches batches;
    private final Path directory;
    private final ModelEstimator estimator;
    private Predictor predictor;

    Estimator4jSession(WorkloadData data) throws IOException {
        this.data = data;
        this.batches = new WorkloadBatches(data);
        this.directory = Files.createTempDirectory("e4j-compare-" + data.workload().id);
        this.estimator = WorkloadEstimators.build(data.workload(), directory.resolve("model"));
    }

    @Override
    public double trainExamplesPerSecond(int batchSize, Budget budget) {
        List<LabeledBatch> prepared = settled(batches.labeled(batchSize));
        // Warm-up: a short call to learn the pace, then calls sized to fill the rest of the warm-up time (each train
        // call restores the model and writes a checkpoint, so many small calls would spend the warm-up on I/O).
        long warmupEnd = System.nanoTime() + (long) (budget.warmupSeconds() * 1e9);
        double rate = train(prepared, 20);
        for (long left = warmupEnd - System.nanoTime(); left > 0; left = warmupEnd - System.nanoTime()) {
            rate = train(prepared, Math.max(20, (long) (rate / batchSize * left / 1e9)));
        }
        long measuredSteps = Math.max(10, (long) (rate / batchSize * budget.seconds()));
        return train(prepared, measuredSteps);
    }

    /**
     * The prepared batches, moved out of the young generation before any timing: otherwise the first collections of
     * the measured loop copy the whole data set (50 MB for the MLP; pauses of 30-150 ms were seen), a cost of this
     * harness, not of training. TensorFlow's side keeps its prepared tensors off the Java heap.
     */
    private static <T> List<T> settled(List<T> prepared) {
        System.gc();
        return prepared;
    }

    @Override
    public void trainSteps(int batchSize, long steps) {
        train(batches.labeled(batchSize), steps);
    }

    /** Trains {@code steps} steps; examples/s between taking the first batch and the last. */
    private double train(List<LabeledBatch> prepared, long steps) {
        StepClock clock = new StepClock();
        estimator.train(clock.wrap(mode -> Dataset.fromIterable(prepared).repeat()), Steps.of(steps));
        return clock.loopExamplesPerSecond();
    }

    private Predictor predictor() throws IOException {
        if (predictor == null) {
            predictor = Predictor.load(estimator.export(directory.resolve("export")));
        }
        return predictor;
    }

    @Override
    public double inferenceExamplesPerSecond(int batchSize, Budget budget) throws IOException {
        Predictor p = predictor();
        List<Batch> prepared = settled(
                batches.labeled(batchSize).stream().map(LabeledBatch::features).toList());
        int[] next = {0};
        double[] sink = {0};
        double rate = budget.examplesPerSecond(() -> {
            Batch b = prepared.get(next[0]++ % prepared.size());
            sink[0] += p.predict(b).get(0).probabilities()[1];
            return b.numRows();
        });
        if (Double.isNaN(sink[0])) {
            throw new IllegalStateException("predictions became NaN");
        }
        return rate;
    }

    @Override
    public long[] singleExampleNanos(int calls, int warmupCalls) throws IOException {
        Predictor p = predictor();
        long[] nanos = new long[calls];
        double sink = 0;
        for (int i = -warmupCalls; i < calls; i++) {
            int row = Math.floorMod(i, data.rows());
            long start = System.nanoTime();
            sink += p.predict(batches.request(row)).probabilities()[1];
            long took = System.nanoTime() - start;
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("predictions became NaN");
        }
        return nanos;
    }

    @Override
    public double logLoss(int rows) throws IOException {
        var predictions = predictor().predict(batches.features(0, rows));
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            double p = Math.min(Math.max(predictions.get(r).probabilities()[1], 1e-7), 1 - 1e-7);
            sum -= data.labels()[r] > 0.5f ? Math.log(p) : Math.log(1 - p);
        }
        return sum / rows;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
