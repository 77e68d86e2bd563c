package org.estimator4j.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.estimator4j.api.data.TestSources.Recording;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Padding;
import org.estimator4j.api.table.RowOrigin;
import org.estimator4j.api.table.Schema;
import org.estimator4j.api.table.Shape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cache(Path) files hold typed values only: a file cannot make the reader instantiate a class (Java deserialization's
 * gadget problem), an old-format file is rebuilt without being deserialized, and every supported value kind round
 * trips exactly.
 */
class FileCacheFormatTest {
    private static final long MAGIC = 0x4534_4A43_4143_4845L;

    /** Stands for a deserialization gadget: reading it runs code, here only setting a flag. */
    static final class Gadget implements Serializable {
        static volatile boolean instantiated;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            instantiated = true;
        }
    }

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("values.e4jcache");
    }

    @BeforeEach
    void resetFlag() {
        Gadget.instantiated = false;
    }

    /** A cache file header as FileCache writes it, then a Java serialization stream holding a Gadget. */
    private void writeGadgetFile(int format, int kind, String fingerprint, boolean elementTagFirst) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(bytes);
        header.writeLong(MAGIC);
        header.writeInt(format);
        header.writeUTF(fingerprint);
        header.writeByte(kind);
        header.flush();
        ObjectOutputStream objects = new ObjectOutputStream(bytes);
        if (elementTagFirst) {
            objects.writeByte(1); // the old format's element tag
        }
        objects.writeObject(new Gadget());
        objects.writeByte(0);
        objects.writeLong(1);
        objects.close();
        Files.write(file(), bytes.toByteArray());
    }

    @Test
    void anOldFormatFileHoldingAGadgetIsRebuiltWithoutDeserializingIt() throws IOException {
        Recording<Object> src =
                new Recording<>("values", () -> List.<Object>of("fresh", 1L).iterator());
        writeGadgetFile(1, 2, src.fingerprint(), true);
        assertEquals(List.of("fresh", 1L), src.cache(file()).toList());
        assertFalse(Gadget.instantiated, "the cache file's object was deserialized");
        assertEquals(1, src.opened.get());
        assertEquals(2, ByteBuffer.wrap(Files.readAllBytes(file()), 8, 4).getInt(), "rebuilt in the new format");
        assertEquals(List.of("fresh", 1L), src.cache(file()).toList());
        assertEquals(1, src.opened.get(), "the rebuilt cache is read");
    }

    @Test
    void aCurrentFormatFileTamperedToHoldAGadgetIsRefused() throws IOException {
        for (int kind : new int[] {1, 2, 3}) {
            for (boolean tagFirst : new boolean[] {true, false}) {
                Recording<Object> src =
                        new Recording<>("values", () -> List.<Object>of("fresh").iterator());
                writeGadgetFile(2, kind, src.fingerprint(), tagFirst);
                try {
                    src.cache(file()).toList();
                } catch (DatasetException e) {
                    assertTrue(e.getMessage().contains("delete it"), e.getMessage());
                }
                assertFalse(Gadget.instantiated, "kind " + kind + ": the cache file's object was deserialized");
            }
        }
    }

    private static final Schema SCHEMA = Schema.of(
            Field.scalar("f", DType.FLOAT32),
            Field.scalar("s", DType.STRING),
            new Field("v", DType.FLOAT64, Shape.of(2)),
            Field.variable("ids", DType.INT64),
            Field.variable("words", DType.STRING),
            Field.scalar("label", DType.INT64));

    private static List<Example> rows() {
        int source = RowOrigin.source("/data/train.csv");
        Example.Builder b = Example.builder(SCHEMA);
        return List.of(
                b.set("f", 1.5)
                        .set("s", "a")
                        .set("v", new double[] {1, Double.NaN})
                        .set("ids", new long[] {1, 2})
                        .set("words", new String[] {"x", ""})
                        .set("label", 1L)
                        .origin(RowOrigin.of(source, 7))
                        .build(),
                b.set("f", -0.0)
                        .set("ids", new long[] {})
                        .set("label", 0L)
                        .origin(RowOrigin.of(source, 9))
                        .build(),
                b.set("s", "only a string").set("label", 1L).build());
    }

    @Test
    void everySupportedValueKindRoundTrips() {
        Batch batch = Batch.of(rows());
        Batch padded = Dataset.fromIterable(rows())
                .paddedBatch(3, false, Padding.defaults())
                .toList()
                .get(0);
        Map<Object, Object> record = new LinkedHashMap<>();
        record.put("age", 39L);
        record.put("name", "x");
        record.put("missing", null);
        record.put(7, List.of(1, 2.5, "three"));
        Set<Object> set = new LinkedHashSet<>(List.of("b", "a", 3));
        List<Object> values = new ArrayList<>(Arrays.asList(
                true,
                false,
                42,
                -7L,
                1.25f,
                Float.NaN,
                Math.PI,
                (short) -3,
                (byte) 9,
                "héllo ✓",
                new float[] {1, -0f},
                new double[] {1e300},
                new long[] {Long.MIN_VALUE},
                new int[] {Integer.MAX_VALUE},
                new String[] {"a", null, ""},
                new byte[] {0, -1},
                List.of(),
                List.of(List.of(1L), Map.of("k", new long[] {3})),
                set,
                record,
                new Pair<>("left", 2L),
                rows().get(0),
                batch,
                padded,
                LabeledBatch.split(batch, List.of("label"))));
        Recording<Object> src = new Recording<>("every kind", values::iterator);
        Dataset<Object> cached = src.cache(file());
        cached.toList();
        List<Object> read = cached.toList();
        assertEquals(1, src.opened.get(), "the second pass reads the file");
        assertEquals(values.size(), read.size());
        for (int i = 0; i < values.size(); i++) {
            assertSame(values.get(i), read.get(i), "value " + i + ": " + values.get(i));
        }
        // Rows keep where they were read from, in Examples and in batches.
        assertEquals("/data/train.csv:7", RowOrigin.describe(((Example) read.get(21)).origin()));
        assertEquals("/data/train.csv:9", ((Batch) read.get(22)).rowName(1));
        assertEquals("row 2", ((Batch) read.get(22)).rowName(2));
        assertEquals("/data/train.csv:7", ((LabeledBatch) read.get(24)).labels().rowName(0));
    }

    /** Equal by content: arrays by their elements, batches by their rows and schema. */
    private static void assertSame(Object expected, Object actual, String what) {
        if (expected == null) {
            assertEquals(null, actual, what);
        } else if (expected instanceof float[] a) {
            assertArrayEquals(a, (float[]) actual, what);
        } else if (expected instanceof double[] a) {
            assertArrayEquals(a, (double[]) actual, what);
        } else if (expected instanceof long[] a) {
            assertArrayEquals(a, (long[]) actual, what);
        } else if (expected instanceof int[] a) {
            assertArrayEquals(a, (int[]) actual, what);
        } else if (expected instanceof byte[] a) {
            assertArrayEquals(a, (byte[]) actual, what);
        } else if (expected instanceof Object[] a) {
            assertArrayEquals(a, (Object[]) actual, what);
        } else if (expected instanceof Batch b) {
            Batch c = (Batch) actual;
            assertEquals(b.schema(), c.schema(), what);
            assertEquals(rowsOf(b), rowsOf(c), what);
        } else if (expected instanceof LabeledBatch b) {
            assertSame(b.features(), ((LabeledBatch) actual).features(), what);
            assertSame(b.labels(), ((LabeledBatch) actual).labels(), what);
        } else if (expected instanceof Map<?, ?> m) {
            Map<?, ?> n = (Map<?, ?>) actual;
            assertEquals(new ArrayList<>(m.keySet()), new ArrayList<>(n.keySet()), what);
            for (Object k : m.keySet()) {
                assertSame(m.get(k), n.get(k), what + "." + k);
            }
        } else if (expected instanceof List<?> l) {
            List<?> m = (List<?>) actual;
            assertEquals(l.size(), m.size(), what);
            for (int i = 0; i < l.size(); i++) {
                assertSame(l.get(i), m.get(i), what + "[" + i + "]");
            }
        } else {
            assertEquals(expected, actual, what);
            assertEquals(expected.getClass(), actual.getClass(), what);
        }
    }

    private static List<String> rowsOf(Batch b) {
        List<String> rows = new ArrayList<>();
        for (Example e : b) {
            rows.add(e.toString());
        }
        return rows;
    }
}
