package org.estimator4j.api.data.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.estimator4j.api.data.Pair;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Schema;

/**
 * Binary form of the elements a dataset of anything but Examples holds: batches, labeled batches, rows as maps,
 * numbers, strings, booleans, primitive and string arrays, lists, sets, maps and pairs of these. Each value starts with
 * a type tag from a closed list, so reading a cache file can only ever build these types: unlike Java serialization,
 * a tampered file cannot name a class to instantiate. Lengths are checked against the file's size before allocating,
 * and nesting is bounded.
 */
final class ValueCodec implements ElementCodec<Object> {
    private static final int MAX_DEPTH = 64;

    private static final byte NULL = 0;
    private static final byte FALSE = 1;
    private static final byte TRUE = 2;
    private static final byte INT = 3;
    private static final byte LONG = 4;
    private static final byte FLOAT = 5;
    private static final byte DOUBLE = 6;
    private static final byte STRING = 7;
    private static final byte FLOATS = 8;
    private static final byte DOUBLES = 9;
    private static final byte LONGS = 10;
    private static final byte INTS = 11;
    private static final byte STRINGS = 12;
    private static final byte BYTES = 13;
    private static final byte LIST = 14;
    private static final byte SET = 15;
    private static final byte MAP = 16;
    private static final byte PAIR = 17;
    private static final byte EXAMPLE = 18;
    private static final byte BATCH = 19;
    private static final byte LABELED_BATCH = 20;
    private static final byte SHORT = 21;
    private static final byte BYTE = 22;

    private final long maxLength;
    private final ExampleCodec examples;

    /** @param maxLength bound on the lengths {@link #read} accepts (the cache file's size) */
    ValueCodec(long maxLength) {
        this.maxLength = maxLength;
        this.examples = new ExampleCodec(maxLength);
    }

    /** Whether {@link #write} can store {@code value} (checked before a cache file is created). */
    static boolean supports(Object value) {
        return supports(value, 0);
    }

    private static boolean supports(Object v, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (v == null
                || v instanceof Boolean
                || v instanceof Integer
                || v instanceof Long
                || v instanceof Float
                || v instanceof Double
                || v instanceof Short
                || v instanceof Byte
                || v instanceof String
                || v instanceof float[]
                || v instanceof double[]
                || v instanceof long[]
                || v instanceof int[]
                || v instanceof String[]
                || v instanceof byte[]
                || v instanceof Example
                || v instanceof Batch
                || v instanceof LabeledBatch) {
            return true;
        }
        if (v instanceof Pair<?, ?> p) {
            return supports(p.first(), depth + 1) && supports(p.second(), depth + 1);
        }
        if (v instanceof List<?> || v instanceof Set<?>) {
            for (Object e : (Iterable<?>) v) {
                if (!supports(e, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!supports(e.getKey(), depth + 1) || !supports(e.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void write(DataOutput out, Object value) throws IOException {
        write(out, value, 0);
    }

    private void write(DataOutput out, Object v, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("values nested more than " + MAX_DEPTH + " deep cannot be cached");
        }
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
        } else if (v instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            ExampleCodec.writeString(out, s);
        } else if (v instanceof float[] a) {
            out.writeByte(FLOATS);
            out.writeInt(a.length);
            for (float x : a) {
                out.writeFloat(x);
            }
        } else if (v instanceof double[] a) {
            out.writeByte(DOUBLES);
            out.writeInt(a.length);
            for (double x : a) {
                out.writeDouble(x);
            }
        } else if (v instanceof long[] a) {
            out.writeByte(LONGS);
            out.writeInt(a.length);
            for (long x : a) {
                out.writeLong(x);
            }
        } else if (v instanceof int[] a) {
            out.writeByte(INTS);
            out.writeInt(a.length);
            for (int x : a) {
                out.writeInt(x);
            }
        } else if (v instanceof String[] a) {
            out.writeByte(STRINGS);
            out.writeInt(a.length);
            for (String x : a) {
                write(out, x, depth + 1); // null entries allowed
            }
        } else if (v instanceof byte[] a) {
            out.writeByte(BYTES);
            out.writeInt(a.length);
            out.write(a);
        } else if (v instanceof Example e) {
            out.writeByte(EXAMPLE);
            examples.write(out, e);
        } else if (v instanceof Batch b) {
            out.writeByte(BATCH);
            writeBatch(out, b);
        } else if (v instanceof LabeledBatch lb) {
            out.writeByte(LABELED_BATCH);
            writeBatch(out, lb.features());
            writeBatch(out, lb.labels());
        } else if (v instanceof Pair<?, ?> p) {
            out.writeByte(PAIR);
            write(out, p.first(), depth + 1);
            write(out, p.second(), depth + 1);
        } else if (v instanceof List<?> || v instanceof Set<?>) {
            java.util.Collection<?> c = (java.util.Collection<?>) v;
            out.writeByte(v instanceof List<?> ? LIST : SET);
            out.writeInt(c.size());
            for (Object e : c) {
                write(out, e, depth + 1);
            }
        } else if (v instanceof Map<?, ?> m) {
            out.writeByte(MAP);
            out.writeInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                write(out, e.getKey(), depth + 1);
                write(out, e.getValue(), depth + 1);
            }
        } else {
            throw unsupported(v);
        }
    }

    static IOException unsupported(Object element) {
        return new IOException("cache(Path) stores Examples, Batches, LabeledBatches, numbers, strings, booleans, "
                + "arrays, and lists, sets, maps and Pairs of them, not "
                + element.getClass().getName()
                + "; map the elements to one of those first, or use cache() to keep them in memory");
    }

    // A batch as its schema, row count and rows (each with its origin), rebuilt by Batch.of.
    private void writeBatch(DataOutput out, Batch b) throws IOException {
        ExampleCodec.writeSchema(out, b.schema());
        out.writeInt(b.numRows());
        for (Example row : b) {
            examples.writeRow(out, row);
        }
    }

    private Batch readBatch(DataInput in) throws IOException {
        Schema schema = examples.readSchema(in);
        int n = examples.length(in, 1);
        List<Example> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            rows.add(examples.readRow(in, schema));
        }
        return Batch.of(schema, rows);
    }

    @Override
    public Object read(DataInput in) throws IOException {
        return read(in, 0);
    }

    private Object read(DataInput in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("corrupt cache record (nested more than " + MAX_DEPTH + " deep)");
        }
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case FALSE:
                return false;
            case TRUE:
                return true;
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case FLOAT:
                return in.readFloat();
            case DOUBLE:
                return in.readDouble();
            case SHORT:
                return in.readShort();
            case BYTE:
                return in.readByte();
            case STRING:
                return ExampleCodec.readString(in, maxLength);
            case FLOATS: {
                float[] a = new float[examples.length(in, 4)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readFloat();
                }
                return a;
            }
            case DOUBLES: {
                double[] a = new double[examples.length(in, 8)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readDouble();
                }
                return a;
            }
            case LONGS: {
                long[] a = new long[examples.length(in, 8)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readLong();
                }
                return a;
            }
            case INTS: {
                int[] a = new int[examples.length(in, 4)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readInt();
                }
                return a;
            }
            case STRINGS: {
                String[] a = new String[examples.length(in, 1)];
                for (int i = 0; i < a.length; i++) {
                    Object s = read(in, depth + 1);
                    if (s != null && !(s instanceof String)) {
                        throw new IOException("corrupt cache record (a string array holds a "
                                + s.getClass().getSimpleName() + ")");
                    }
                    a[i] = (String) s;
                }
                return a;
            }
            case BYTES: {
                byte[] a = new byte[examples.length(in, 1)];
                in.readFully(a);
                return a;
            }
            case EXAMPLE:
                return examples.read(in);
            case BATCH:
                return readBatch(in);
            case LABELED_BATCH:
                return new LabeledBatch(readBatch(in), readBatch(in));
            case PAIR:
                return new Pair<>(read(in, depth + 1), read(in, depth + 1));
            case LIST:
            case SET: {
                int n = examples.length(in, 1);
                java.util.Collection<Object> c = tag == LIST ? new ArrayList<>(n) : new LinkedHashSet<>();
                for (int i = 0; i < n; i++) {
                    c.add(read(in, depth + 1));
                }
                return c;
            }
            case MAP: {
                int n = examples.length(in, 2);
                Map<Object, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    m.put(read(in, depth + 1), read(in, depth + 1));
                }
                return m;
            }
            default:
                throw new IOException("corrupt cache record (value tag " + tag + ")");
        }
    }
}
