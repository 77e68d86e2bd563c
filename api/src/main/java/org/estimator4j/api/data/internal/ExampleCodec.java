package org.estimator4j.api.data.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.RowOrigin;
import org.estimator4j.api.table.Schema;
import org.estimator4j.api.table.Shape;

/**
 * Binary form of {@link Example}s: the schema once (again only if it changes), then per row its origin (the file's
 * name when it changes, and the line; see {@link RowOrigin}), a missing flag and the value of each column. Floats are
 * written as floats, so a round trip is exact. Only these typed values are read: no class is ever instantiated by
 * name.
 */
final class ExampleCodec implements ElementCodec<Example> {
    private static final byte SAME_SCHEMA = 1;
    private static final byte NEW_SCHEMA = 2;
    private static final byte NO_ORIGIN = 0;
    private static final byte SAME_SOURCE = 1;
    private static final byte NEW_SOURCE = 2;

    // Lengths read from a file cannot exceed its size: a larger one means damage, not a reason to allocate.
    private final long maxLength;
    private Schema schema;
    // The source of the previous row's origin, written or read (its number in this process when reading).
    private String source;
    private int sourceId = -1;

    /** @param maxLength bound on the lengths {@link #read} accepts (the cache file's size) */
    ExampleCodec(long maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public void write(DataOutput out, Example e) throws IOException {
        if (e.schema() != schema && !e.schema().equals(schema)) {
            schema = e.schema();
            out.writeByte(NEW_SCHEMA);
            writeSchema(out, schema);
        } else {
            out.writeByte(SAME_SCHEMA);
        }
        writeRow(out, e);
    }

    /** A row without its schema (the reader knows it): its origin and values. */
    void writeRow(DataOutput out, Example e) throws IOException {
        Schema schema = e.schema();
        writeOrigin(out, e.origin());
        for (int i = 0; i < schema.size(); i++) {
            if (e.isMissing(i)) {
                out.writeBoolean(false);
                continue;
            }
            out.writeBoolean(true);
            Field f = schema.field(i);
            if (f.shape().isScalar()) {
                switch (f.dtype()) {
                    case FLOAT32 -> out.writeFloat((float) e.getDouble(i));
                    case FLOAT64 -> out.writeDouble(e.getDouble(i));
                    case INT64 -> out.writeLong(e.getLong(i));
                    case STRING -> writeString(out, (String) e.get(i));
                }
                continue;
            }
            Object v = e.get(i);
            if (v instanceof float[] a) {
                out.writeInt(a.length);
                for (float x : a) {
                    out.writeFloat(x);
                }
            } else if (v instanceof double[] a) {
                out.writeInt(a.length);
                for (double x : a) {
                    out.writeDouble(x);
                }
            } else if (v instanceof long[] a) {
                out.writeInt(a.length);
                for (long x : a) {
                    out.writeLong(x);
                }
            } else {
                String[] a = (String[]) v;
                out.writeInt(a.length);
                for (String x : a) {
                    writeString(out, x);
                }
            }
        }
    }

    @Override
    public Example read(DataInput in) throws IOException {
        byte tag = in.readByte();
        if (tag == NEW_SCHEMA) {
            schema = readSchema(in);
        } else if (tag != SAME_SCHEMA || schema == null) {
            throw new IOException("corrupt cache record (tag " + tag + ")");
        }
        return readRow(in, schema);
    }

    /** A row written by {@link #writeRow} from an Example of {@code schema}. */
    Example readRow(DataInput in, Schema schema) throws IOException {
        Example.Builder b = Example.builder(schema).origin(readOrigin(in));
        for (int i = 0; i < schema.size(); i++) {
            if (!in.readBoolean()) {
                continue;
            }
            Field f = schema.field(i);
            if (f.shape().isScalar()) {
                switch (f.dtype()) {
                    case FLOAT32 -> b.setDouble(i, in.readFloat());
                    case FLOAT64 -> b.setDouble(i, in.readDouble());
                    case INT64 -> b.setLong(i, in.readLong());
                    case STRING -> b.setObject(i, readString(in, maxLength));
                }
                continue;
            }
            int n = length(in, f.dtype() == DType.INT64 || f.dtype() == DType.FLOAT64 ? 8 : 4);
            switch (f.dtype()) {
                case FLOAT32 -> {
                    float[] a = new float[n];
                    for (int k = 0; k < n; k++) {
                        a[k] = in.readFloat();
                    }
                    b.setObject(i, a);
                }
                case FLOAT64 -> {
                    double[] a = new double[n];
                    for (int k = 0; k < n; k++) {
                        a[k] = in.readDouble();
                    }
                    b.setObject(i, a);
                }
                case INT64 -> {
                    long[] a = new long[n];
                    for (int k = 0; k < n; k++) {
                        a[k] = in.readLong();
                    }
                    b.setObject(i, a);
                }
                case STRING -> {
                    String[] a = new String[n];
                    for (int k = 0; k < n; k++) {
                        a[k] = readString(in, maxLength);
                    }
                    b.setObject(i, a);
                }
            }
        }
        return b.build();
    }

    private void writeOrigin(DataOutput out, long origin) throws IOException {
        String name = RowOrigin.sourceName(origin);
        if (name == null) {
            out.writeByte(NO_ORIGIN);
            return;
        }
        if (name.equals(source)) {
            out.writeByte(SAME_SOURCE);
        } else {
            source = name;
            out.writeByte(NEW_SOURCE);
            writeString(out, name);
        }
        out.writeLong(RowOrigin.line(origin));
    }

    private long readOrigin(DataInput in) throws IOException {
        byte tag = in.readByte();
        if (tag == NO_ORIGIN) {
            return RowOrigin.UNKNOWN;
        }
        if (tag == NEW_SOURCE) {
            sourceId = RowOrigin.source(readString(in, maxLength));
        } else if (tag != SAME_SOURCE || sourceId < 0) {
            throw new IOException("corrupt cache record (origin tag " + tag + ")");
        }
        return RowOrigin.of(sourceId, in.readLong());
    }

    static void writeSchema(DataOutput out, Schema schema) throws IOException {
        out.writeInt(schema.size());
        for (Field f : schema.fields()) {
            writeString(out, f.name());
            out.writeByte(f.dtype().ordinal());
            out.writeBoolean(f.shape().isVariable());
            int[] dims = f.shape().isVariable() ? new int[0] : f.shape().dims();
            out.writeInt(dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
        }
    }

    // Reads a count of items taking at least itemBytes each, rejecting what the file cannot hold.
    int length(DataInput in, int itemBytes) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * itemBytes > maxLength) {
            throw new IOException("corrupt cache record (length " + n + ")");
        }
        return n;
    }

    Schema readSchema(DataInput in) throws IOException {
        int n = length(in, 10);
        List<Field> fields = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = readString(in, maxLength);
            int ordinal = in.readByte();
            if (ordinal < 0 || ordinal >= DType.values().length) {
                throw new IOException("corrupt cache schema (dtype " + ordinal + ")");
            }
            DType dtype = DType.values()[ordinal];
            boolean variable = in.readBoolean();
            int[] dims = new int[length(in, 4)];
            for (int k = 0; k < dims.length; k++) {
                dims[k] = in.readInt();
            }
            fields.add(new Field(name, dtype, variable ? Shape.VARIABLE : Shape.of(dims)));
        }
        return Schema.of(fields);
    }

    // Length-prefixed UTF-8: DataOutput.writeUTF stops at 64 KB.
    static void writeString(DataOutput out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInput in, long maxLength) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > maxLength) {
            throw new IOException("corrupt cache record (string length " + n + ")");
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
