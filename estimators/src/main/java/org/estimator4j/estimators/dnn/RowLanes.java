package org.estimator4j.estimators.dnn;

import java.util.function.IntConsumer;
import org.estimator4j.estimators.internal.LaneWorkers;

/**
 * How a {@link DnnPart} splits a batch's rows over threads: one {@link RowLane} per thread of its {@link LaneWorkers},
 * each a contiguous range of rows. Training splits a batch when every lane gets at least {@link #MIN_ROWS_PER_LANE}
 * rows (and the network allows it); the lanes' logits are gathered into one array, d loss / d logits is scattered
 * back, and the lanes' input gradients are gathered for the embeddings. Inference splits smaller batches.
 */
final class RowLanes {
    /** Rows per lane below which a batch is not split: smaller products lose more to the hand-off than they gain. */
    static final int MIN_ROWS_PER_LANE = 64;
    /**
     * The same for inference, which has no gradients to sum: an MLP's batch of 32 in two lanes of 16 predicts 336k →
     * 620k examples/s.
     */
    static final int MIN_INFERENCE_ROWS_PER_LANE = 16;

    /** The network over a range of rows ({@link DnnNetwork#infer}). */
    @FunctionalInterface
    interface Rows {
        /** Logits of {@code n} rows of {@code x} from {@code x[xFrom]} on, into {@code out}. */
        void run(float[] x, int xFrom, int n, float[] out);
    }

    private final long seed;
    private LaneWorkers workers;
    private RowLane[] lanes;
    /** The lanes of the current training step, and its rows. */
    private int count;

    private int rows;
    /** The whole batch's d loss / d input when lanes split it (each lane has its rows' share). */
    private float[] inputGradient;

    RowLanes(LaneWorkers workers, long seed) {
        this.seed = seed;
        use(workers);
    }

    /** Splits batches over {@code w}'s threads from now on; each lane's dropout stream starts again from the seed. */
    void use(LaneWorkers w) {
        this.workers = w;
        this.lanes = new RowLane[w.parallelism()];
        for (int j = 0; j < lanes.length; j++) {
            lanes[j] = new RowLane(j, seed);
        }
        this.inputGradient = null;
    }

    RowLane lane(int index) {
        return lanes[index];
    }

    /** Lanes in the current training step. */
    int count() {
        return count;
    }

    /**
     * How many lanes share a training batch of {@code n} rows: one per thread when each gets at least
     * {@link #MIN_ROWS_PER_LANE} rows, one when the network cannot be split by rows.
     */
    int forTraining(int n, boolean splittable) {
        if (!splittable) {
            return 1;
        }
        return Math.max(1, Math.min(lanes.length, n / MIN_ROWS_PER_LANE));
    }

    /** Gives lane j of {@code k} its rows of {@code x} (n rows of {@code width} values). */
    void split(float[] x, int n, int k, int width) {
        for (int j = 0; j < k; j++) {
            RowLane lane = lanes[j];
            lane.from = (int) ((long) j * n / k);
            lane.rows = (int) ((long) (j + 1) * n / k) - lane.from;
            lane.input = x;
            lane.inputFrom = lane.from * width;
        }
        this.count = k;
        this.rows = n;
    }

    /** Runs {@code lane.accept(j)} for each lane j of the current step, side by side. */
    void run(IntConsumer lane) {
        workers.run(count, lane);
    }

    /** The lanes' logits ({@code units} per row) in one new array, in row order. */
    float[] gatherLogits(int units) {
        float[] result = new float[rows * units];
        for (int j = 0; j < count; j++) {
            System.arraycopy(lanes[j].logits, 0, result, lanes[j].from * units, lanes[j].rows * units);
        }
        return result;
    }

    /** Hands each lane its rows of d loss / d logits. */
    void scatterLogitsGradient(float[] dLogits, int units) {
        for (int j = 0; j < count; j++) {
            System.arraycopy(dLogits, lanes[j].from * units, lanes[j].logitsGradient, 0, lanes[j].rows * units);
        }
    }

    /** The whole batch's d loss / d input after a backward pass: lane 0's own array when it ran alone. */
    float[] gatherInputGradient(int width) {
        if (count == 1) {
            return lanes[0].inputGradient;
        }
        for (int j = 0; j < count; j++) {
            System.arraycopy(lanes[j].inputGradient, 0, inputGradient, lanes[j].from * width, lanes[j].rows * width);
        }
        return inputGradient;
    }

    /**
     * Grows each lane's buffers for a step of {@code n} rows in {@code k} lanes, and the gathered input gradient when
     * the input trains and lanes may split it.
     */
    void ensureCapacity(int n, int k, DnnNetwork network, int width, boolean trainsInputs) {
        int perLane = (n + k - 1) / k;
        for (int j = 0; j < k; j++) {
            network.ensureCapacity(lanes[j], perLane, width);
        }
        if (trainsInputs && lanes.length > 1 && (inputGradient == null || inputGradient.length < n * width)) {
            inputGradient = new float[n * width];
        }
    }

    /**
     * Logits of {@code n} rows of {@code x} ({@code width} values each), {@code units} per row, split over the lanes
     * when each gets at least {@link #MIN_INFERENCE_ROWS_PER_LANE} rows. Thread-safe: no lane buffers are used.
     */
    float[] infer(float[] x, int n, int width, int units, Rows network) {
        float[] result = new float[n * units];
        int k = Math.max(1, Math.min(lanes.length, n / MIN_INFERENCE_ROWS_PER_LANE));
        if (k == 1) {
            network.run(x, 0, n, result);
            return result;
        }
        // Lane 0's rows come first in x and in the result; the others' logits are copied into place after.
        float[][] laneLogits = new float[k][];
        workers.run(k, j -> {
            int from = (int) ((long) j * n / k);
            int rows = (int) ((long) (j + 1) * n / k) - from;
            if (j == 0) {
                network.run(x, 0, rows, result);
            } else {
                laneLogits[j] = new float[rows * units];
                network.run(x, from * width, rows, laneLogits[j]);
            }
        });
        for (int j = 1; j < k; j++) {
            System.arraycopy(laneLogits[j], 0, result, (int) ((long) j * n / k) * units, laneLogits[j].length);
        }
        return result;
    }
}
