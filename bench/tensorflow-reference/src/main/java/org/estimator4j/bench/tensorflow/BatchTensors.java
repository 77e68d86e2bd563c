package org.estimator4j.bench.tensorflow;

import org.estimator4j.bench.workloads.WorkloadData;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The input tensors of rows {@code [from, from + rows)} of a workload's data, built once and fed again every epoch
 * (in-memory replay: no per-step copy from Java, TensorFlow's best case). Null where the workload has no such input.
 */
final class BatchTensors implements AutoCloseable {
    final int rows;
    private final TFloat32 dense;
    private final TInt32 ids;
    private final TFloat32 labels;

    BatchTensors(WorkloadData data, int from, int rows) {
        this.rows = rows;
        int width = data.workload().denseWidth();
        int columns = data.workload().idColumns.size();
        this.dense = width == 0
                ? null
                : TFloat32.tensorOf(
                        Shape.of(rows, width),
                        DataBuffers.of(data.dense(), true, false).slice((long) from * width, (long) rows * width));
        this.ids = columns == 0
                ? null
                : TInt32.tensorOf(
                        Shape.of(rows, columns),
                        DataBuffers.of(data.ids(), true, false).slice((long) from * columns, (long) rows * columns));
        this.labels = TFloat32.tensorOf(
                Shape.of(rows, 1), DataBuffers.of(data.labels(), true, false).slice(from, rows));
    }

    /** Feeds the features, and the labels if {@code withLabels}, to {@code runner}. */
    Session.Runner feed(Session.Runner runner, ModelInputs inputs, boolean withLabels) {
        if (dense != null) {
            runner.feed(inputs.dense(), dense);
        }
        if (ids != null) {
            runner.feed(inputs.ids(), ids);
        }
        if (withLabels) {
            runner.feed(inputs.labels(), labels);
        }
        return runner;
    }

    @Override
    public void close() {
        if (dense != null) {
            dense.close();
        }
        if (ids != null) {
            ids.close();
        }
        labels.close();
    }
}
