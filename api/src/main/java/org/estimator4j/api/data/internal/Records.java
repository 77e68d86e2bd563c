package org.estimator4j.api.data.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.api.table.Shape;

/** In-memory sources: maps of column to value, and column arrays sliced into rows. */
public final class Records {
    private static final int INFERENCE_SAMPLE = 1000;

    private Records() {}

    /** Infers column types from the Java types of the first records' values; see {@code Dataset.fromRecords}. */
    public static Schema inferSchema(Iterable<? extends Map<String, ?>> records) {
        Map<String, Field> fields = new LinkedHashMap<>();
        // Columns holding an empty list somewhere: variable-length, but an empty list says nothing of the element
        // type, so it must not widen (an int list and an empty one are still int64).
        java.util.Set<String> emptyLists = new java.util.HashSet<>();
        Iterator<? extends Map<String, ?>> it = records.iterator();
        for (int n = 0; n < INFERENCE_SAMPLE && it.hasNext(); n++) {
            for (Map.Entry<String, ?> e : it.next().entrySet()) {
                Object v = e.getValue();
                if (v == null || (v instanceof List<?> list && list.isEmpty())) {
                    if (v != null) {
                        emptyLists.add(e.getKey());
                    }
                    fields.putIfAbsent(e.getKey(), null);
                    continue;
                }
                Field f = fieldOf(e.getKey(), v);
                Field seen = fields.get(e.getKey());
                fields.put(e.getKey(), seen == null ? f : widen(seen, f));
            }
        }
        Passes.closeQuietly(it);
        List<Field> out = new ArrayList<>();
        for (Map.Entry<String, Field> e : fields.entrySet()) {
            Field f = e.getValue();
            boolean emptyList = emptyLists.contains(e.getKey());
            if (f == null && !emptyList) {
                throw new IllegalArgumentException("column '" + e.getKey() + "' is null in every one of the first "
                        + INFERENCE_SAMPLE + " records, so its type cannot be inferred; pass a Schema");
            }
            if (f == null) {
                // Only empty lists: nothing tells the element type.
                f = Field.variable(e.getKey(), DType.FLOAT32);
            } else if (emptyList && !f.shape().isVariable()) {
                f = Field.variable(f.name(), f.dtype());
            }
            out.add(f);
        }
        return Schema.of(out);
    }

    private static Field fieldOf(String name, Object v) {
        if (v instanceof List<?> list) {
            // Not empty: inferSchema handles empty lists.
            DType t = null;
            for (Object o : list) {
                if (o == null) {
                    throw new IllegalArgumentException("column '" + name + "': a list cannot hold null");
                }
                DType ot = scalarType(name, o);
                t = t == null ? ot : wider(t, ot);
            }
            return Field.variable(name, t);
        }
        if (v.getClass().isArray()) {
            return Field.variable(name, arrayType(name, v));
        }
        return Field.scalar(name, scalarType(name, v));
    }

    private static DType scalarType(String name, Object v) {
        if (v instanceof Float) {
            return DType.FLOAT32;
        }
        if (v instanceof Double || v instanceof java.math.BigDecimal) {
            return DType.FLOAT64;
        }
        if (v instanceof Long
                || v instanceof Integer
                || v instanceof Short
                || v instanceof Byte
                || v instanceof Boolean
                || v instanceof java.math.BigInteger) {
            return DType.INT64;
        }
        if (v instanceof CharSequence) {
            return DType.STRING;
        }
        throw new IllegalArgumentException("column '" + name + "': cannot store a "
                + v.getClass().getName() + "; use numbers, strings, booleans, or arrays / lists of them");
    }

    private static DType arrayType(String name, Object array) {
        Class<?> c = array.getClass().getComponentType();
        if (c == float.class) {
            return DType.FLOAT32;
        }
        if (c == double.class) {
            return DType.FLOAT64;
        }
        if (c == long.class || c == int.class) {
            return DType.INT64;
        }
        if (c == String.class) {
            return DType.STRING;
        }
        throw new IllegalArgumentException("column '" + name + "': cannot store a " + c.getName() + "[]");
    }

    private static DType wider(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a == DType.STRING || b == DType.STRING) {
            return DType.STRING;
        }
        if (a == DType.FLOAT64 || b == DType.FLOAT64) {
            return DType.FLOAT64;
        }
        return DType.FLOAT32;
    }

    private static Field widen(Field a, Field b) {
        if (a.equals(b)) {
            return a;
        }
        DType t = wider(a.dtype(), b.dtype());
        if (t == DType.STRING && a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("column '" + a.name() + "' holds both " + a + " and " + b
                    + " values; pass a Schema to say which it is");
        }
        return new Field(a.name(), t, a.shape().isVariable() || b.shape().isVariable() ? Shape.VARIABLE : a.shape());
    }

    /** Converts a map to a row of {@code schema}; keys not in the schema are an error, absent ones are missing. */
    public static Function<Map<String, ?>, Example> converter(Schema schema) {
        return map -> {
            Example.Builder b = Example.builder(schema);
            for (Map.Entry<String, ?> e : map.entrySet()) {
                if (!schema.contains(e.getKey())) {
                    throw new IllegalArgumentException(
                            "record has column '" + e.getKey() + "', which the schema " + schema.names() + " does not");
                }
                b.set(e.getKey(), e.getValue());
            }
            return b.build();
        };
    }

    /** Slices equal-length column arrays into rows ({@code from_tensor_slices}). */
    public static List<Example> slice(Map<String, ?> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("fromColumns needs at least one column");
        }
        List<Field> fields = new ArrayList<>();
        int rows = -1;
        String first = null;
        for (Map.Entry<String, ?> e : columns.entrySet()) {
            Object a = e.getValue();
            if (a == null || !a.getClass().isArray()) {
                throw new IllegalArgumentException("column '" + e.getKey() + "' must be an array, got "
                        + (a == null ? "null" : a.getClass().getName()));
            }
            int n = Array.getLength(a);
            if (rows >= 0 && n != rows) {
                throw new IllegalArgumentException("column '" + e.getKey() + "' has " + n + " rows but '" + first
                        + "' has " + rows + "; all columns need the same length");
            }
            rows = n;
            first = first == null ? e.getKey() : first;
            Class<?> c = a.getClass().getComponentType();
            if (c.isArray()) {
                DType t = arrayType(e.getKey(), Array.newInstance(c.getComponentType(), 0));
                int width = -2;
                for (int r = 0; r < n; r++) {
                    Object row = Array.get(a, r);
                    int len = row == null ? width : Array.getLength(row);
                    width = width == -2 || width == len ? len : -1;
                }
                fields.add(width > 0 ? new Field(e.getKey(), t, Shape.of(width)) : Field.variable(e.getKey(), t));
            } else if (c == boolean.class) {
                fields.add(Field.scalar(e.getKey(), DType.INT64));
            } else {
                fields.add(Field.scalar(e.getKey(), arrayType(e.getKey(), a)));
            }
        }
        Schema schema = Schema.of(fields);
        List<Example> out = new ArrayList<>(rows);
        Example.Builder b = Example.builder(schema);
        for (int r = 0; r < rows; r++) {
            int i = 0;
            for (Object a : columns.values()) {
                b.setObject(i++, Array.get(a, r));
            }
            out.add(b.build());
        }
        return out;
    }
}
