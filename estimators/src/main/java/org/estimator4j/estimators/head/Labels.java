package org.estimator4j.estimators.head;

import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.Column;
import org.estimator4j.api.table.DoubleColumn;
import org.estimator4j.api.table.FixedWidthColumn;
import org.estimator4j.api.table.FloatColumn;
import org.estimator4j.api.table.LongColumn;
import org.estimator4j.api.table.StringColumn;

/** Shared label-reading checks of the heads. */
final class Labels {
    private Labels() {}

    /** The batch's single label column, of width 1, with no missing row. */
    static FixedWidthColumn<?> singleScalar(Batch labels, String head) {
        if (labels == null) {
            throw new IllegalArgumentException(head + " needs labels, got none");
        }
        if (labels.schema().size() != 1) {
            throw new IllegalArgumentException(
                    head + " reads one label column, got " + labels.schema().size() + ": " + labels.schema());
        }
        Column c = labels.column(0);
        if (!(c instanceof FixedWidthColumn<?> f) || f.width() != 1) {
            throw new IllegalArgumentException(head + " reads one label per example; label column " + c.field()
                    + " does not hold a single value per row");
        }
        checkNotMissing(labels, c);
        return f;
    }

    /** Refuses a missing label, naming the row's file and line when known. */
    static void checkNotMissing(Batch labels, Column c) {
        if (!c.hasMissing()) {
            return;
        }
        for (int r = 0; r < labels.numRows(); r++) {
            if (c.isMissing(r)) {
                throw new IllegalArgumentException(labels.rowName(r) + ": label column '" + c.name()
                        + "' is missing; every example needs a label");
            }
        }
    }

    static void checkTargets(float[] targets, int needed) {
        if (targets == null || targets.length < needed) {
            throw new IllegalArgumentException("targets needs at least " + needed + " entries, got "
                    + (targets == null ? "null" : targets.length));
        }
    }

    static void checkArrays(
            float[] logits, int logitsNeeded, float[] targets, int targetsNeeded, float[] weights, int numRows) {
        if (numRows < 0) {
            throw new IllegalArgumentException("numRows is negative: " + numRows);
        }
        if (logits == null || logits.length < logitsNeeded) {
            throw new IllegalArgumentException("logits needs at least " + logitsNeeded + " entries, got "
                    + (logits == null ? "null" : logits.length));
        }
        checkTargets(targets, targetsNeeded);
        if (weights != null && weights.length < numRows) {
            throw new IllegalArgumentException("weights has " + weights.length + " entries for " + numRows + " rows");
        }
    }

    /** The TensorFlow name of a column's element type, for error messages. */
    static String typeName(Column c) {
        return c instanceof LongColumn
                ? "int64"
                : c instanceof FloatColumn
                        ? "float32"
                        : c instanceof DoubleColumn
                                ? "float64"
                                : c instanceof StringColumn
                                        ? "string"
                                        : c.field().toString();
    }
}
