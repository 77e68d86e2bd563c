package org.estimator4j.api.table;

import java.util.List;

/** Converts user-supplied Java values to the one array type each column stores. */
final class Values {
    private Values() {}

    static Object coerce(Field f, Object value) {
        if (f.shape().isScalar()) {
            if (f.dtype() == DType.STRING) {
                if (value instanceof CharSequence s) {
                    return s.toString();
                }
                throw mismatch(f, value);
            }
            throw new AssertionError("numeric scalars are stored as primitives");
        }
        Object array = toArray(f, value);
        int width = f.shape().width();
        int length = java.lang.reflect.Array.getLength(array);
        if (width >= 0 && length != width) {
            throw new IllegalArgumentException("column '" + f.name() + "' has shape " + f.shape() + " (" + width
                    + " values per row); got " + length);
        }
        return array;
    }

    private static Object toArray(Field f, Object value) {
        if (value instanceof List<?> list) {
            value = list.toArray();
        } else if (f.shape().isVariable() && (value instanceof CharSequence || value instanceof Number)) {
            // A multivalent feature given one plain value (JSON lines mix "a" and ["a", "b"]): a list of one.
            value = new Object[] {value};
        }
        switch (f.dtype()) {
            case FLOAT32 -> {
                if (value instanceof float[] a) {
                    return a;
                }
                double[] d = doubles(f, value);
                float[] out = new float[d.length];
                for (int i = 0; i < d.length; i++) {
                    out[i] = (float) d[i];
                }
                return out;
            }
            case FLOAT64 -> {
                return doubles(f, value);
            }
            case INT64 -> {
                if (value instanceof long[] a) {
                    return a;
                }
                if (value instanceof int[] a) {
                    long[] out = new long[a.length];
                    for (int i = 0; i < a.length; i++) {
                        out[i] = a[i];
                    }
                    return out;
                }
                if (value instanceof Object[] a) {
                    long[] out = new long[a.length];
                    for (int i = 0; i < a.length; i++) {
                        if (!(a[i] instanceof Number n) || n.doubleValue() != n.longValue()) {
                            throw mismatch(f, a[i]);
                        }
                        out[i] = n.longValue();
                    }
                    return out;
                }
                throw mismatch(f, value);
            }
            case STRING -> {
                if (value instanceof String[] a) {
                    for (String x : a) {
                        if (x == null) {
                            throw new IllegalArgumentException("column '" + f.name() + "' is " + f
                                    + "; a list cannot hold null (mark the whole value missing instead)");
                        }
                    }
                    return a;
                }
                if (value instanceof Object[] a) {
                    String[] out = new String[a.length];
                    for (int i = 0; i < a.length; i++) {
                        if (!(a[i] instanceof CharSequence s)) {
                            throw mismatch(f, a[i]);
                        }
                        out[i] = s.toString();
                    }
                    return out;
                }
                throw mismatch(f, value);
            }
            default -> throw new AssertionError(f.dtype());
        }
    }

    private static double[] doubles(Field f, Object value) {
        if (value instanceof double[] a) {
            return a;
        }
        if (value instanceof float[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (value instanceof long[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (value instanceof int[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (value instanceof Object[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                if (!(a[i] instanceof Number n)) {
                    throw mismatch(f, a[i]);
                }
                out[i] = n.doubleValue();
            }
            return out;
        }
        throw mismatch(f, value);
    }

    private static IllegalArgumentException mismatch(Field f, Object value) {
        return new IllegalArgumentException("column '" + f.name() + "' is " + f + "; cannot store "
                + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
    }
}
