package org.estimator4j.bench.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.Column;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.FloatColumn;
import org.estimator4j.api.table.LongColumn;
import org.estimator4j.api.table.Schema;
import org.estimator4j.api.table.Shape;
import org.estimator4j.bench.workloads.Workload;
import org.estimator4j.bench.workloads.WorkloadData;

/**
 * A workload's rows as Estimator4J input: column batches (dense columns as float32 of their width, id columns as
 * int64 scalars, the label as int64) built once and replayed, as TensorFlow's side builds its tensors once; and
 * single rows as the maps of raw values a serving request carries.
 */
final class WorkloadBatches {
    static final String LABEL = "label";

    private final WorkloadData data;
    private final Schema features;
    private final Schema labels = Schema.of(Field.scalar(LABEL, DType.INT64));

    WorkloadBatches(WorkloadData data) {
        this.data = data;
        List<Field> fields = new ArrayList<>();
        for (Workload.DenseColumn c : data.workload().denseColumns) {
            fields.add(
                    c.width() == 1
                            ? Field.scalar(c.name(), DType.FLOAT32)
                            : new Field(c.name(), DType.FLOAT32, Shape.of(c.width())));
        }
        for (Workload.IdColumn c : data.workload().idColumns) {
            fields.add(Field.scalar(c.name(), DType.INT64));
        }
        this.features = Schema.of(fields);
    }

    /** The data's whole batches of {@code size} rows, in order. */
    List<LabeledBatch> labeled(int size) {
        List<LabeledBatch> out = new ArrayList<>();
        for (int b = 0; b < data.batches(size); b++) {
            long[] y = new long[size];
            for (int r = 0; r < size; r++) {
                y[r] = (long) data.labels()[b * size + r];
            }
            Batch label = new Batch(labels, size, List.of(new LongColumn(labels.field(0), size, y, null)));
            out.add(new LabeledBatch(features(b * size, size), label));
        }
        return out;
    }

    /** Features of rows {@code [from, from + n)}. */
    Batch features(int from, int n) {
        Workload w = data.workload();
        List<Column> columns = new ArrayList<>();
        int offset = 0;
        int denseWidth = w.denseWidth();
        int f = 0;
        for (Workload.DenseColumn c : w.denseColumns) {
            float[] v = new float[n * c.width()];
            for (int r = 0; r < n; r++) {
                System.arraycopy(data.dense(), (from + r) * denseWidth + offset, v, r * c.width(), c.width());
            }
            columns.add(new FloatColumn(features.field(f++), n, v, null));
            offset += c.width();
        }
        int idColumns = w.idColumns.size();
        for (int c = 0; c < idColumns; c++) {
            long[] v = new long[n];
            for (int r = 0; r < n; r++) {
                v[r] = data.ids()[(from + r) * idColumns + c];
            }
            columns.add(new LongColumn(features.field(f++), n, v, null));
        }
        return new Batch(features, n, columns);
    }

    /**
     * Row {@code row} as a request: a float[] for a wide dense column, a Float for a scalar one, a Long per id (what
     * a JSON body decodes to).
     */
    Map<String, Object> request(int row) {
        Workload w = data.workload();
        Map<String, Object> m = new HashMap<>();
        int offset = 0;
        int denseWidth = w.denseWidth();
        for (Workload.DenseColumn c : w.denseColumns) {
            int at = row * denseWidth + offset;
            if (c.width() == 1) {
                m.put(c.name(), data.dense()[at]);
            } else {
                float[] v = new float[c.width()];
                System.arraycopy(data.dense(), at, v, 0, c.width());
                m.put(c.name(), v);
            }
            offset += c.width();
        }
        for (int c = 0; c < w.idColumns.size(); c++) {
            m.put(w.idColumns.get(c).name(), (long) data.id(row, c));
        }
        return m;
    }
}
