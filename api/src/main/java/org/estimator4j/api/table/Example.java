package org.estimator4j.api.table;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a table: a value (or a missing mark) for every column of its {@link Schema}. Immutable.
 *
 * <p>Scalar numbers are stored unboxed; a row costs three small objects whatever its width, which keeps per-row work
 * cheap when millions of rows stream through shuffle buffers. Build one with {@link #builder(Schema)}:
 *
 * <pre>{@code
 * Example row = Example.builder(schema).set("age", 39).set("workclass", "State-gov").setMissing("occupation").build();
 * }</pre>
 *
 * Typed getters throw on a missing value (check {@link #isMissing(String)} first); {@link #get(String)} returns null.
 *
 * @since 0.1.0
 */
public final class Example {
    private final Schema schema;
    // Scalar numbers by slot (doubles and floats as raw double bits), then the missing bits, one per column.
    final long[] primitives;
    // Strings, fixed-shape arrays (float[], double[], long[], String[]) and variable-length lists by slot.
    final Object[] references;
    // Where the row was read from (RowOrigin's packed file and line), so errors after shuffling and batching can
    // name it; not part of the row's value (equals ignores it).
    final long origin;

    Example(Schema schema, long[] primitives, Object[] references, long origin) {
        this.schema = schema;
        this.primitives = primitives;
        this.references = references;
        this.origin = origin;
    }

    public static Builder builder(Schema schema) {
        return new Builder(schema);
    }

    public Schema schema() {
        return schema;
    }

    /** Where the row was read from: a {@link RowOrigin} value, {@link RowOrigin#UNKNOWN} when not from a file. */
    public long origin() {
        return origin;
    }

    public boolean isMissing(String name) {
        return isMissing(schema.indexOf(name));
    }

    public boolean isMissing(int index) {
        int bit = schema.primitiveSlots() * 64 + index;
        return (primitives[bit >>> 6] & (1L << (bit & 63))) != 0;
    }

    /** A FLOAT32, FLOAT64 or INT64 scalar as a double. */
    public double getDouble(String name) {
        return getDouble(schema.indexOf(name));
    }

    public double getDouble(int index) {
        Field f = present(index, true);
        long raw = primitives[schema.slot(index)];
        return f.dtype() == DType.INT64 ? (double) raw : Double.longBitsToDouble(raw);
    }

    public float getFloat(String name) {
        return (float) getDouble(name);
    }

    /** An INT64 scalar. */
    public long getLong(String name) {
        return getLong(schema.indexOf(name));
    }

    public long getLong(int index) {
        Field f = present(index, true);
        if (f.dtype() != DType.INT64) {
            throw new IllegalStateException(
                    "column '" + f.name() + "' is " + f.dtype().tfName() + ", not int64; read it with getDouble");
        }
        return primitives[schema.slot(index)];
    }

    /** A STRING scalar. */
    public String getString(String name) {
        int index = schema.indexOf(name);
        Field f = present(index, false);
        if (f.dtype() != DType.STRING || !f.shape().isScalar()) {
            throw new IllegalStateException("column '" + f.name() + "' is " + f + ", not a string scalar");
        }
        return (String) references[schema.slot(index)];
    }

    /** The values of a FLOAT32 fixed-shape or variable-length column (shared: do not modify). */
    public float[] getFloats(String name) {
        return (float[]) array(name, DType.FLOAT32);
    }

    public double[] getDoubles(String name) {
        return (double[]) array(name, DType.FLOAT64);
    }

    public long[] getLongs(String name) {
        return (long[]) array(name, DType.INT64);
    }

    public String[] getStrings(String name) {
        return (String[]) array(name, DType.STRING);
    }

    /**
     * The value boxed: Float, Double, Long or String for scalars, an array for the rest, null when missing. For tests,
     * display and slow paths; hot paths use the typed getters.
     */
    public Object get(String name) {
        return get(schema.indexOf(name));
    }

    public Object get(int index) {
        if (isMissing(index)) {
            return null;
        }
        if (!schema.isPrimitive(index)) {
            return references[schema.slot(index)];
        }
        long raw = primitives[schema.slot(index)];
        return switch (schema.field(index).dtype()) {
            case FLOAT32 -> (float) Double.longBitsToDouble(raw);
            case FLOAT64 -> Double.longBitsToDouble(raw);
            case INT64 -> raw;
            case STRING -> throw new AssertionError("strings are never primitive");
        };
    }

    /** The row as an ordered map of column name to {@link #get(int)}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < schema.size(); i++) {
            map.put(schema.field(i).name(), get(i));
        }
        return map;
    }

    // Raw access for Batch assembly: no checks, missing values read as 0 / null.
    long rawPrimitive(int index) {
        return primitives[schema.slot(index)];
    }

    Object rawReference(int index) {
        return references[schema.slot(index)];
    }

    private Field present(int index, boolean primitive) {
        Field f = schema.field(index);
        if (isMissing(index)) {
            throw new IllegalStateException("column '" + f.name() + "' is missing in this row; check isMissing first");
        }
        if (schema.isPrimitive(index) != primitive) {
            throw new IllegalStateException("column '" + f.name() + "' is " + f + "; use "
                    + (primitive ? "getString or the array getters" : "getDouble or getLong"));
        }
        return f;
    }

    private Object array(String name, DType dtype) {
        int index = schema.indexOf(name);
        Field f = present(index, false);
        if (f.dtype() != dtype || f.shape().isScalar()) {
            throw new IllegalStateException("column '" + name + "' is " + f + ", not a " + dtype.tfName() + " array");
        }
        return references[schema.slot(index)];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Example e
                && e.schema.equals(schema)
                && Arrays.equals(e.primitives, primitives)
                && Arrays.deepEquals(e.references, references);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(primitives) * 31 + Arrays.deepHashCode(references);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < schema.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object v = get(i);
            sb.append(schema.field(i).name())
                    .append('=')
                    .append(
                            v instanceof Object[] a
                                    ? Arrays.toString(a)
                                    : v instanceof float[] a
                                            ? Arrays.toString(a)
                                            : v instanceof double[] a
                                                    ? Arrays.toString(a)
                                                    : v instanceof long[] a ? Arrays.toString(a) : String.valueOf(v));
        }
        return sb.append('}').toString();
    }

    /**
     * Fills one row. Reusable: {@link #build()} hands its arrays to the new Example and starts a fresh row, so parsers
     * keep one Builder per stream. Columns never set are missing.
     */
    public static final class Builder {
        private final Schema schema;
        private long[] primitives;
        private Object[] references;
        private long origin;

        Builder(Schema schema) {
            this.schema = requireNonNull(schema, "schema is null");
            reset();
        }

        public Schema schema() {
            return schema;
        }

        private void reset() {
            primitives = new long[schema.primitiveSlots() + schema.missingWords()];
            references = schema.referenceSlots() == 0 ? EMPTY : new Object[schema.referenceSlots()];
            origin = RowOrigin.UNKNOWN;
            // Every column starts missing; setters clear the bit.
            int base = schema.primitiveSlots();
            int n = schema.size();
            for (int w = 0; w < schema.missingWords(); w++) {
                int bits = Math.min(64, n - w * 64);
                primitives[base + w] = bits == 64 ? -1L : (1L << bits) - 1;
            }
        }

        private void present(int index) {
            int bit = schema.primitiveSlots() * 64 + index;
            primitives[bit >>> 6] &= ~(1L << (bit & 63));
        }

        /** Sets a FLOAT32 or FLOAT64 scalar (an INT64 column takes the value truncated only if it is integral). */
        public Builder setDouble(int index, double value) {
            Field f = schema.field(index);
            if (!schema.isPrimitive(index)) {
                throw new IllegalArgumentException("column '" + f.name() + "' is " + f + ", not a numeric scalar");
            }
            if (f.dtype() == DType.INT64) {
                long l = (long) value;
                if (l != value) {
                    throw new IllegalArgumentException(
                            "column '" + f.name() + "' is int64; " + value + " is not an integer");
                }
                primitives[schema.slot(index)] = l;
            } else {
                primitives[schema.slot(index)] =
                        Double.doubleToRawLongBits(f.dtype() == DType.FLOAT32 ? (float) value : value);
            }
            present(index);
            return this;
        }

        /** Sets an INT64 scalar (a float column takes it converted). */
        public Builder setLong(int index, long value) {
            Field f = schema.field(index);
            if (f.dtype() == DType.INT64 && schema.isPrimitive(index)) {
                primitives[schema.slot(index)] = value;
                present(index);
                return this;
            }
            return setDouble(index, value);
        }

        /** Sets a STRING scalar, an array value (float[], double[], long[], String[]), or a missing mark for null. */
        public Builder setObject(int index, Object value) {
            if (value == null) {
                return setMissing(index);
            }
            Field f = schema.field(index);
            if (schema.isPrimitive(index)) {
                if (value instanceof Long
                        || value instanceof Integer
                        || value instanceof Short
                        || value instanceof Byte) {
                    return setLong(index, ((Number) value).longValue());
                }
                if (value instanceof Number n) {
                    return setDouble(index, n.doubleValue());
                }
                if (value instanceof Boolean b) {
                    return setLong(index, b ? 1 : 0);
                }
                throw new IllegalArgumentException("column '" + f.name() + "' is " + f + "; got "
                        + value.getClass().getSimpleName() + " " + value);
            }
            Object stored = Values.coerce(f, value);
            references[schema.slot(index)] = stored;
            present(index);
            return this;
        }

        public Builder setMissing(int index) {
            int bit = schema.primitiveSlots() * 64 + index;
            primitives[bit >>> 6] |= 1L << (bit & 63);
            if (!schema.isPrimitive(index)) {
                references[schema.slot(index)] = null;
            } else {
                primitives[schema.slot(index)] = 0;
            }
            return this;
        }

        public Builder set(String name, Object value) {
            return setObject(schema.indexOf(name), value);
        }

        public Builder set(String name, double value) {
            return setDouble(schema.indexOf(name), value);
        }

        public Builder set(String name, long value) {
            return setLong(schema.indexOf(name), value);
        }

        public Builder setMissing(String name) {
            return setMissing(schema.indexOf(name));
        }

        /** Where the row was read from (a {@link RowOrigin} value); unset rows have {@link RowOrigin#UNKNOWN}. */
        public Builder origin(long origin) {
            this.origin = origin;
            return this;
        }

        /** The row so far; the builder then starts an all-missing row. */
        public Example build() {
            Example e = new Example(schema, primitives, references, origin);
            reset();
            return e;
        }

        private static final Object[] EMPTY = new Object[0];
    }
}
