package org.estimator4j.bench.workloads;

/**
 * One model of one workload on one side. The timed phases run in this order on the same model: training at each
 * batch size (each continuing from the last), batch inference, single-example prediction. The log loss, a check that
 * both sides train the same thing, comes from another fresh model after {@link #trainSteps} (a fixed count).
 */
public interface WorkloadSession extends AutoCloseable {
    /**
     * Trains on the data's batches of {@code batchSize} rows, in order and repeated, for {@code budget}'s warm-up and
     * then its measured time; returns the examples per second of the measured steps.
     */
    double trainExamplesPerSecond(int batchSize, Budget budget) throws Exception;

    /** Trains exactly {@code steps} steps on the data's batches of {@code batchSize} rows, from the first, repeated. */
    void trainSteps(int batchSize, long steps) throws Exception;

    /** Predicts probabilities for the data's batches, as {@link #trainExamplesPerSecond} trains on them. */
    double inferenceExamplesPerSecond(int batchSize, Budget budget) throws Exception;

    /**
     * Nanoseconds of each of {@code calls} single-example predictions after {@code warmupCalls} unmeasured ones, rows
     * taken in turn, each built from the row's values as a serving request would carry them.
     */
    long[] singleExampleNanos(int calls, int warmupCalls) throws Exception;

    /** Mean log loss of the current model on the first {@code rows} rows. */
    double logLoss(int rows) throws Exception;

    @Override
    void close() throws Exception;
}
