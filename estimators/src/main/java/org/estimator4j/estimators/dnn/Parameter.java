package org.estimator4j.estimators.dnn;

import java.util.Arrays;
import java.util.Map;
import org.estimator4j.estimators.optimizer.Optimizer;

/**
 * A trainable variable with its gradient and optimizer slots, all Java arrays of the same length. A dense variable
 * (a kernel, a bias) is updated whole each step; an embedding table is updated only at the rows the batch touched,
 * which {@link #touchRow} records, so a step costs O(ids in the batch), never O(rows in the table).
 */
final class Parameter {
    final String name;
    final float[] values;
    final float[] gradient;
    final float[][] slots;
    private final Optimizer optimizer;
    private final int rowWidth;
    private final boolean sparse;
    private boolean[] rowTouched;
    private int[] touchedRows;
    private int touchedCount;

    private Parameter(String name, float[] values, Optimizer optimizer, int rowWidth, boolean sparse) {
        this.name = name;
        this.values = values;
        this.gradient = new float[values.length];
        this.optimizer = optimizer;
        this.rowWidth = rowWidth;
        this.sparse = sparse;
        this.slots = new float[optimizer.slotNames().size()][];
        for (int s = 0; s < slots.length; s++) {
            slots[s] = new float[values.length];
            Arrays.fill(slots[s], optimizer.initialSlotValue(s));
        }
        if (sparse) {
            int rows = values.length / rowWidth;
            this.rowTouched = new boolean[rows];
            this.touchedRows = new int[Math.max(16, Math.min(rows, 1 << 12))];
        }
    }

    /** A variable updated whole every step. */
    static Parameter dense(String name, float[] values, Optimizer optimizer) {
        return new Parameter(name, values, optimizer, values.length, false);
    }

    /** A table of rows of {@code rowWidth} values, updated only at touched rows. */
    static Parameter rows(String name, float[] values, int rowWidth, Optimizer optimizer) {
        return new Parameter(name, values, optimizer, rowWidth, true);
    }

    /** Marks row {@code row} as having a gradient this step (its gradient values start at 0). */
    void touchRow(int row) {
        if (!rowTouched[row]) {
            rowTouched[row] = true;
            if (touchedCount == touchedRows.length) {
                touchedRows = Arrays.copyOf(touchedRows, touchedCount * 2);
            }
            touchedRows[touchedCount++] = row;
        }
    }

    /** One optimizer step from the gradient; a sparse table's touched rows are then cleared for the next batch. */
    void apply(long iteration, double learningRateMultiplier) {
        if (!sparse) {
            optimizer.apply(values, gradient, slots, 0, values.length, iteration, learningRateMultiplier);
            return;
        }
        for (int t = 0; t < touchedCount; t++) {
            int row = touchedRows[t];
            int from = row * rowWidth;
            optimizer.apply(values, gradient, slots, from, from + rowWidth, iteration, learningRateMultiplier);
            Arrays.fill(gradient, from, from + rowWidth, 0f);
            rowTouched[row] = false;
        }
        touchedCount = 0;
    }

    /** One optimizer step over entries {@code [from, to)} of a dense variable (a lane's slice of it). */
    void applyRange(long iteration, double learningRateMultiplier, int from, int to) {
        if (sparse) {
            throw new IllegalStateException(name + " is updated by rows, not by ranges");
        }
        optimizer.apply(values, gradient, slots, from, to, iteration, learningRateMultiplier);
    }

    /** Copies of the values and slots, named {@code name} and {@code name/<slot>}. */
    void saveTo(Map<String, float[]> out) {
        out.put(name, values.clone());
        for (int s = 0; s < slots.length; s++) {
            out.put(name + "/" + optimizer.slotNames().get(s), slots[s].clone());
        }
    }

    void restoreFrom(Map<String, float[]> saved) {
        copy(saved, name, values);
        for (int s = 0; s < slots.length; s++) {
            copy(saved, name + "/" + optimizer.slotNames().get(s), slots[s]);
        }
    }

    /** Copies {@code saved[name]} into {@code into}; a missing or mis-sized entry says to use a new model_dir. */
    static void copy(Map<String, float[]> saved, String name, float[] into) {
        float[] v = saved.get(name);
        if (v == null) {
            throw new IllegalStateException("the checkpoint has no variable '" + name + "'; it was written by a "
                    + "different model (or optimizer): use a new model_dir");
        }
        if (v.length != into.length) {
            throw new IllegalStateException("variable '" + name + "' has " + v.length + " values in the checkpoint "
                    + "but the model needs " + into.length + "; use a new model_dir");
        }
        System.arraycopy(v, 0, into, 0, v.length);
    }
}
