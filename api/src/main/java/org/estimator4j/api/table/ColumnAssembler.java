package org.estimator4j.api.table;

import java.util.List;

/** Copies one field of a list of rows into a column: the per-batch hot path of {@code Dataset.batch}. */
final class ColumnAssembler {
    private ColumnAssembler() {}

    static Column assemble(Schema schema, int index, List<Example> rows, Padding padding) {
        Field f = schema.field(index);
        int n = rows.size();
        // Hot loop (once per column per batch): read the rows' arrays directly, with the slot and missing bit
        // worked out once.
        int missingBit = schema.primitiveSlots() * 64 + index;
        int missingWord = missingBit >>> 6;
        long missingMask = 1L << (missingBit & 63);
        boolean[] missing = new boolean[n];
        for (int r = 0; r < n; r++) {
            missing[r] = (rows.get(r).primitives[missingWord] & missingMask) != 0;
        }
        if (schema.isPrimitive(index)) {
            int slot = schema.slot(index);
            switch (f.dtype()) {
                case FLOAT32 -> {
                    float[] v = new float[n];
                    for (int r = 0; r < n; r++) {
                        v[r] = (float) Double.longBitsToDouble(rows.get(r).primitives[slot]);
                    }
                    return new FloatColumn(f, n, v, missing);
                }
                case FLOAT64 -> {
                    double[] v = new double[n];
                    for (int r = 0; r < n; r++) {
                        v[r] = Double.longBitsToDouble(rows.get(r).primitives[slot]);
                    }
                    return new DoubleColumn(f, n, v, missing);
                }
                case INT64 -> {
                    long[] v = new long[n];
                    for (int r = 0; r < n; r++) {
                        v[r] = rows.get(r).primitives[slot];
                    }
                    return new LongColumn(f, n, v, missing);
                }
                default -> throw new AssertionError(f);
            }
        }
        if (f.shape().isVariable()) {
            return padding != null ? padded(f, rows, index, missing, padding) : ragged(f, rows, index, missing);
        }
        return dense(f, f.shape().width(), rows, index, missing, null);
    }

    /** A fixed-width column; with {@code pad} set, shorter rows are filled with it (padding mode). */
    private static Column dense(Field f, int width, List<Example> rows, int index, boolean[] missing, Object pad) {
        int n = rows.size();
        Object values = newArray(f.dtype(), n * width);
        if (pad != null) {
            fill(values, pad, 0, n * width);
        }
        for (int r = 0; r < n; r++) {
            Object v = rows.get(r).rawReference(index);
            if (v == null) {
                continue;
            }
            if (v instanceof String s) {
                ((String[]) values)[r] = s;
            } else {
                int len = java.lang.reflect.Array.getLength(v);
                if (len > width) {
                    throw new IllegalArgumentException("column '" + f.name() + "': row " + r + " has " + len
                            + " values, more than the padded length " + width);
                }
                System.arraycopy(v, 0, values, r * width, len);
            }
        }
        return wrap(pad == null ? f : new Field(f.name(), f.dtype(), Shape.of(Math.max(width, 1))), n, values, missing);
    }

    private static Column padded(Field f, List<Example> rows, int index, boolean[] missing, Padding padding) {
        Integer fixed = padding.lengthFor(f);
        int width;
        if (fixed != null) {
            width = fixed;
        } else {
            width = 0;
            for (Example e : rows) {
                Object v = e.rawReference(index);
                if (v != null) {
                    width = Math.max(width, java.lang.reflect.Array.getLength(v));
                }
            }
        }
        Object pad = padding.valueFor(f);
        if (width == 0) {
            // A dense column needs width >= 1: an all-empty batch pads every row with one padding value.
            width = 1;
        }
        return dense(new Field(f.name(), f.dtype(), Shape.of(width)), width, rows, index, missing, pad);
    }

    private static Column ragged(Field f, List<Example> rows, int index, boolean[] missing) {
        int n = rows.size();
        int[] offsets = new int[n + 1];
        int total = 0;
        for (int r = 0; r < n; r++) {
            Object v = rows.get(r).rawReference(index);
            total += v == null ? 0 : java.lang.reflect.Array.getLength(v);
            offsets[r + 1] = total;
        }
        Object values = newArray(f.dtype(), total);
        for (int r = 0; r < n; r++) {
            Object v = rows.get(r).rawReference(index);
            if (v != null) {
                System.arraycopy(v, 0, values, offsets[r], offsets[r + 1] - offsets[r]);
            }
        }
        Column flat = wrap(Field.scalar(f.name(), f.dtype()), total, values, null);
        return new RaggedColumn(f, n, offsets, flat, missing);
    }

    private static Object newArray(DType dtype, int length) {
        return switch (dtype) {
            case FLOAT32 -> new float[length];
            case FLOAT64 -> new double[length];
            case INT64 -> new long[length];
            case STRING -> new String[length];
        };
    }

    private static void fill(Object array, Object pad, int from, int to) {
        if (array instanceof float[] a) {
            java.util.Arrays.fill(a, from, to, ((Number) pad).floatValue());
        } else if (array instanceof double[] a) {
            java.util.Arrays.fill(a, from, to, ((Number) pad).doubleValue());
        } else if (array instanceof long[] a) {
            java.util.Arrays.fill(a, from, to, ((Number) pad).longValue());
        } else {
            java.util.Arrays.fill((String[]) array, from, to, (String) pad);
        }
    }

    private static Column wrap(Field f, int n, Object values, boolean[] missing) {
        return switch (f.dtype()) {
            case FLOAT32 -> new FloatColumn(f, n, (float[]) values, missing);
            case FLOAT64 -> new DoubleColumn(f, n, (double[]) values, missing);
            case INT64 -> new LongColumn(f, n, (long[]) values, missing);
            case STRING -> new StringColumn(f, n, (String[]) values, missing);
        };
    }
}
