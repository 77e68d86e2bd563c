package org.estimator4j.bench.tensorflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.bench.workloads.Budget;
import org.estimator4j.bench.workloads.WorkloadData;
import org.estimator4j.bench.workloads.WorkloadSession;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A {@link WorkloadModel} in a session configured only by its {@link SessionThreads}, its variables initialised once on opening.
 * Training and batch inference cycle through tensors built once per batch size ({@link BatchTensors}); every
 * {@link Result} is closed, so millions of steps leak nothing.
 */
final class TensorFlowSession implements WorkloadSession {
    private final WorkloadData data;
    private final WorkloadModel model;
    private final Session session;
    private final Map<Integer, List<BatchTensors>> batches = new HashMap<>();
    /** The last training step's loss, checked after each phase. */
    private float lastLoss;

    TensorFlowSession(WorkloadData data, WorkloadModel model, SessionThreads threads) {
        this.data = data;
        this.model = model;
        Session opened = null;
        try {
            opened = new Session(model.graph, threads.config());
            opened.initialize();
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            model.close();
            throw e;
        }
        this.session = opened;
    }

    @Override
    public double trainExamplesPerSecond(int batchSize, Budget budget) {
        List<BatchTensors> list = batches(batchSize);
        int[] next = {0};
        double rate = budget.examplesPerSecond(() -> {
            BatchTensors batch = list.get(next[0]);
            next[0] = next[0] + 1 == list.size() ? 0 : next[0] + 1;
            try (Result result = batch.feed(session.runner(), model.inputs, true)
                    .fetch(model.loss)
                    .addTarget(model.train)
                    .run()) {
                lastLoss = ((TFloat32) result.get(0)).getFloat();
            }
            return batch.rows;
        });
        if (!Float.isFinite(lastLoss)) {
            throw new IllegalStateException(model.workload + " diverged: loss " + lastLoss);
        }
        return rate;
    }

    @Override
    public void trainSteps(int batchSize, long steps) {
        List<BatchTensors> list = batches(batchSize);
        for (long step = 0; step < steps; step++) {
            BatchTensors batch = list.get((int) (step % list.size()));
            try (Result result = batch.feed(session.runner(), model.inputs, true)
                    .fetch(model.loss)
                    .addTarget(model.train)
                    .run()) {
                lastLoss = ((TFloat32) result.get(0)).getFloat();
            }
        }
        if (!Float.isFinite(lastLoss)) {
            throw new IllegalStateException(model.workload + " diverged: loss " + lastLoss);
        }
    }

    @Override
    public double inferenceExamplesPerSecond(int batchSize, Budget budget) {
        List<BatchTensors> list = batches(batchSize);
        float[] probabilities = new float[batchSize];
        int[] next = {0};
        return budget.examplesPerSecond(() -> {
            BatchTensors batch = list.get(next[0]);
            next[0] = next[0] + 1 == list.size() ? 0 : next[0] + 1;
            predict(batch, probabilities);
            return batch.rows;
        });
    }

    @Override
    public long[] singleExampleNanos(int calls, int warmupCalls) {
        int width = data.workload().denseWidth();
        int columns = data.workload().idColumns.size();
        long[] nanos = new long[calls];
        for (int i = -warmupCalls; i < calls; i++) {
            int row = Math.floorMod(i + warmupCalls, data.rows());
            // The request: the row's values as a client sends them.
            float[] dense = data.denseRow(row);
            int[] ids = new int[columns];
            for (int c = 0; c < columns; c++) {
                ids[c] = data.id(row, c);
            }
            long start = System.nanoTime();
            float p = predictOne(dense, width, ids);
            long elapsed = System.nanoTime() - start;
            if (i >= 0) {
                nanos[i] = elapsed;
            }
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalStateException(model.workload + " predicted " + p + " for row " + row);
            }
        }
        return nanos;
    }

    /** One request served: its tensors built, the graph run, the probability read, everything closed. */
    private float predictOne(float[] dense, int width, int[] ids) {
        TFloat32 denseTensor = width == 0 ? null : TFloat32.tensorOf(Shape.of(1, width), DataBuffers.of(dense));
        TInt32 idTensor = ids.length == 0 ? null : TInt32.tensorOf(Shape.of(1, ids.length), DataBuffers.of(ids));
        try {
            Session.Runner runner = session.runner();
            if (denseTensor != null) {
                runner.feed(model.inputs.dense(), denseTensor);
            }
            if (idTensor != null) {
                runner.feed(model.inputs.ids(), idTensor);
            }
            try (Result result = runner.fetch(model.probabilities).run()) {
                return ((TFloat32) result.get(0)).getFloat(0, 0);
            }
        } finally {
            if (denseTensor != null) {
                denseTensor.close();
            }
            if (idTensor != null) {
                idTensor.close();
            }
        }
    }

    @Override
    public double logLoss(int rows) {
        float[] p = new float[rows];
        try (BatchTensors first = new BatchTensors(data, 0, rows)) {
            predict(first, p);
        }
        double eps = 1e-7;
        double sum = 0;
        float[] labels = data.labels();
        for (int r = 0; r < rows; r++) {
            double q = Math.min(1 - eps, Math.max(eps, p[r]));
            sum -= labels[r] * Math.log(q) + (1 - labels[r]) * Math.log(1 - q);
        }
        return sum / rows;
    }

    /** Probabilities of a batch's rows into {@code out}. */
    private void predict(BatchTensors batch, float[] out) {
        try (Result result = batch.feed(session.runner(), model.inputs, false)
                .fetch(model.probabilities)
                .run()) {
            ((TFloat32) result.get(0)).copyTo(DataBuffers.of(out, false, false));
        }
    }

    /** The data's whole batches of {@code batchSize} rows as tensors, built on first use. */
    private List<BatchTensors> batches(int batchSize) {
        return batches.computeIfAbsent(batchSize, size -> {
            int count = data.batches(size);
            List<BatchTensors> list = new ArrayList<>(count);
            for (int b = 0; b < count; b++) {
                list.add(new BatchTensors(data, b * size, size));
            }
            return list;
        });
    }

    @Override
    public void close() {
        for (List<BatchTensors> list : batches.values()) {
            list.forEach(BatchTensors::close);
        }
        batches.clear();
        session.close();
        model.close();
    }
}
