package org.estimator4j.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.estimator4j.api.data.TestSources.Recording;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.api.table.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCacheTest {
    private static final Schema SCHEMA = Schema.of(
            Field.scalar("f32", DType.FLOAT32),
            Field.scalar("f64", DType.FLOAT64),
            Field.scalar("i64", DType.INT64),
            Field.scalar("s", DType.STRING),
            new Field("vec", DType.FLOAT32, Shape.of(3)),
            new Field("mat", DType.FLOAT64, Shape.of(2, 2)),
            new Field("pair", DType.STRING, Shape.of(2)),
            new Field("counts", DType.INT64, Shape.of(2)),
            Field.variable("ids", DType.INT64),
            Field.variable("words", DType.STRING),
            Field.variable("weights", DType.FLOAT64),
            Field.variable("fv", DType.FLOAT32));

    private static final Schema OTHER = Schema.of(Field.scalar("other", DType.INT64), Field.scalar("t", DType.STRING));

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("rows.e4jcache");
    }

    private static List<Example> rows() {
        Example.Builder b = Example.builder(SCHEMA);
        List<Example> rows = new ArrayList<>();
        rows.add(b.set("f32", Float.MIN_VALUE)
                .set("f64", Math.PI)
                .set("i64", Long.MIN_VALUE)
                .set("s", "héllo ✓ 日本")
                .set("vec", new float[] {1.1f, -0.0f, Float.NaN})
                .set("mat", new double[] {1e300, -1e-300, Double.POSITIVE_INFINITY, 4})
                .set("pair", new String[] {"p", ""})
                .set("counts", new long[] {Long.MAX_VALUE, -7})
                .set("ids", new long[] {Long.MAX_VALUE, 0, -1})
                .set("words", new String[] {"", "a b", "x"})
                .set("weights", new double[] {})
                .set("fv", new float[] {0.1f, Float.MAX_VALUE})
                .build());
        rows.add(b.build()); // every column missing
        rows.add(b.set("f32", -3.25)
                .set("f64", Double.NaN)
                .set("i64", 0)
                .set("s", "")
                .set("ids", new long[] {})
                .set("weights", new double[] {1.5, -0.0})
                .set("fv", new float[] {})
                .set("counts", new long[] {1, 2})
                .build());
        rows.add(Example.builder(OTHER)
                .set("other", 42)
                .set("t", "schema change")
                .build());
        rows.add(b.set("f64", Double.MIN_VALUE)
                .set("s", "after the change")
                .set("words", List.of("z"))
                .build());
        return rows;
    }

    private static List<Example> otherRows() {
        return List.of(Example.builder(OTHER).set("other", 1).set("t", "fresh").build());
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void secondPassAndANewRunReadTheFileNotTheSource() throws IOException {
        List<Example> rows = rows();
        Recording<Example> src = new Recording<>("rows-v1", rows::iterator);
        Dataset<Example> cached = src.filter(e -> true).cache(file());

        assertEquals(rows, cached.toList());
        assertEquals(1, src.opened.get());
        assertEquals(List.of("rows.e4jcache"), filesInDir());
        assertEquals(rows, cached.toList());
        assertEquals(1, src.opened.get(), "the second pass must read the file");

        // A new run: new objects, the same pipeline over a source with the same stamp. Its content differs, so only
        // reading the file can give the first rows back.
        Recording<Example> sameStamp =
                new Recording<>("rows-v1", () -> otherRows().iterator());
        assertEquals(rows, sameStamp.filter(e -> true).cache(file()).toList());
        assertEquals(0, sameStamp.opened.get());
    }

    @Test
    void examplesRoundTripExactly() {
        List<Example> rows = rows();
        Dataset<Example> cached = new Recording<>("exact", rows::iterator).cache(file());
        cached.toList();
        List<Example> back = cached.toList();
        assertEquals(rows, back);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i).schema(), back.get(i).schema(), "row " + i);
            assertEquals(rows.get(i).toString(), back.get(i).toString(), "row " + i);
        }
        Example first = back.get(0);
        assertEquals(Float.MIN_VALUE, first.getFloat("f32"));
        assertEquals(Math.PI, first.getDouble("f64"));
        assertEquals(Long.MIN_VALUE, first.getLong("i64"));
        assertEquals("héllo ✓ 日本", first.getString("s"));
        assertArrayEquals(new float[] {1.1f, -0.0f, Float.NaN}, first.getFloats("vec"));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(first.getFloats("vec")[1]));
        assertArrayEquals(new long[] {Long.MAX_VALUE, 0, -1}, first.getLongs("ids"));
        assertArrayEquals(new double[] {}, first.getDoubles("weights"));
        for (int i = 0; i < SCHEMA.size(); i++) {
            assertTrue(back.get(1).isMissing(i));
        }
        Example third = back.get(2);
        assertTrue(Double.isNaN(third.getDouble("f64")));
        assertEquals("", third.getString("s"));
        assertFalse(third.isMissing("ids"));
        assertEquals(0, third.getLongs("ids").length);
        assertTrue(third.isMissing("words"));
        assertNull(third.get("vec"));
        assertEquals(OTHER, back.get(3).schema());
        assertEquals(SCHEMA, back.get(4).schema());
    }

    @Test
    void longStringsRoundTrip() {
        Schema schema = Schema.of(Field.scalar("text", DType.STRING), Field.variable("parts", DType.STRING));
        String big = "ü".repeat(70_000); // longer than DataOutput.writeUTF allows
        List<Example> rows = List.of(Example.builder(schema)
                .set("text", big)
                .set("parts", List.of(big, "x"))
                .build());
        Dataset<Example> cached = new Recording<>("big", rows::iterator).cache(file());
        cached.toList();
        assertEquals(rows, cached.toList());
    }

    @Test
    void aChangedSourceStampInvalidatesAndRebuildsTheCache() {
        new Recording<>("rows-v1", () -> rows().iterator()).cache(file()).toList();

        // The source file changed: a new stamp and new content.
        Recording<Example> changed =
                new Recording<>("rows-v2", () -> otherRows().iterator());
        assertEquals(otherRows(), changed.cache(file()).toList());
        assertEquals(1, changed.opened.get());

        // The rebuilt file now serves the new stamp.
        Recording<Example> nextRun = new Recording<>("rows-v2", () -> rows().iterator());
        assertEquals(otherRows(), nextRun.cache(file()).toList());
        assertEquals(0, nextRun.opened.get());
    }

    @Test
    void aStampChangeBetweenPassesOfOneDatasetIsNoticed() {
        Recording<Example> src = new Recording<>("rows-v1", () -> rows().iterator());
        Dataset<Example> cached = src.cache(file());
        cached.toList();
        cached.toList();
        assertEquals(1, src.opened.get());
        src.setFingerprint("rows-v2");
        cached.toList();
        assertEquals(2, src.opened.get());
    }

    @Test
    void aChangedPipelineInvalidatesTheCache() {
        Recording<Example> src = new Recording<>("rows-v1", () -> rows().iterator());
        src.cache(file()).toList();
        assertEquals(2, src.take(2).cache(file()).toList().size());
        assertEquals(2, src.opened.get());
        assertEquals(rows().size(), src.cache(file()).toList().size());
        assertEquals(3, src.opened.get());
    }

    @Test
    void anAbandonedWritingPassLeavesNoCacheAndNoPartialFile() throws IOException {
        Recording<Example> src = new Recording<>("rows-v1", () -> rows().iterator());
        Dataset<Example> cached = src.cache(file());
        try (DatasetIterator<Example> it = cached.iterator()) {
            it.next();
            it.next();
            assertEquals(1, filesInDir().size(), "a pass in progress writes a temporary file");
            assertTrue(filesInDir().get(0).endsWith(".partial"), filesInDir().toString());
        }
        assertEquals(List.of(), filesInDir());

        DatasetIterator<Example> open = cached.iterator();
        open.next();
        cached.close();
        assertEquals(List.of(), filesInDir());

        // The next complete pass reads the source again and commits.
        assertEquals(rows(), cached.toList());
        assertEquals(3, src.opened.get());
        assertEquals(List.of("rows.e4jcache"), filesInDir());
    }

    @Test
    void aFailingWritingPassLeavesNoFiles() throws IOException {
        Recording<Example> src = Recording.failingAfter(rows(), new IllegalStateException("source broke"));
        assertThrows(IllegalStateException.class, () -> src.cache(file()).toList());
        assertEquals(List.of(), filesInDir());
    }

    @Test
    void anEmptyDatasetWritesNoCache() throws IOException {
        Recording<Example> src =
                new Recording<>("empty", () -> List.<Example>of().iterator());
        Dataset<Example> cached = src.cache(file());
        assertEquals(List.of(), cached.toList());
        assertEquals(List.of(), cached.toList());
        assertEquals(List.of(), filesInDir());
    }

    record Point(int x, String label) {}

    @Test
    void elementsOfOtherTypesFailWithAHint() throws IOException {
        // Java serialization is not a cache format: records and other classes are refused, not serialized.
        for (Object element : List.of(new Object(), new Point(1, "p"), List.of(new Point(2, "q")))) {
            Recording<Object> src =
                    new Recording<>("objects", () -> List.of(element).iterator());
            DatasetException e =
                    assertThrows(DatasetException.class, () -> src.cache(file()).toList());
            assertTrue(
                    e.getMessage().contains("cache(Path) stores Examples, Batches")
                            && e.getMessage().contains("cache()"),
                    e.getMessage());
            assertEquals(List.of(), filesInDir());
        }
    }

    private byte[] smallCacheFile() throws IOException {
        Schema schema = Schema.of(
                Field.scalar("x", DType.FLOAT32),
                Field.scalar("name", DType.STRING),
                Field.variable("ids", DType.INT64),
                new Field("v", DType.FLOAT64, Shape.of(2)));
        Example.Builder b = Example.builder(schema);
        List<Example> rows = List.of(
                b.set("x", 1.5)
                        .set("name", "a")
                        .set("ids", new long[] {1, 2})
                        .set("v", new double[] {1, 2})
                        .build(),
                b.set("x", 2.5).set("ids", new long[] {}).build(),
                b.set("name", "ccc").set("v", new double[] {3, 4}).build());
        new Recording<>("small", rows::iterator).cache(file()).toList();
        return Files.readAllBytes(file());
    }

    @Test
    void aTruncatedCacheFileFailsTellingToDeleteIt() throws IOException {
        byte[] whole = smallCacheFile();
        for (int length = 0; length < whole.length; length++) {
            Files.write(file(), Arrays.copyOf(whole, length));
            Recording<Example> src = new Recording<>("small", List.<Example>of()::iterator);
            DatasetException e = assertThrows(
                    DatasetException.class,
                    () -> src.cache(file()).toList(),
                    "cut to " + length + " of " + whole.length + " bytes");
            assertTrue(
                    e.getMessage().contains(file().toString()) && e.getMessage().contains("delete it"), e.getMessage());
            assertEquals(0, src.opened.get());
        }
    }

    @Test
    void aCorruptCacheFileFailsOnlyWithADatasetExceptionTellingToDeleteIt() throws IOException {
        byte[] whole = smallCacheFile();
        for (int position = 0; position < whole.length; position++) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                byte[] corrupt = whole.clone();
                corrupt[position] ^= (byte) mask;
                Files.write(file(), corrupt);
                Recording<Example> src = new Recording<>("small", List.<Example>of()::iterator);
                try {
                    // Either the damage reads as other values (or a stale stamp, which rebuilds) or it is reported.
                    src.cache(file()).toList();
                } catch (DatasetException e) {
                    assertTrue(e.getMessage().contains("delete it"), e.getMessage());
                } catch (RuntimeException | Error e) {
                    fail("byte " + position + " ^ " + mask + " gave " + e, e);
                }
            }
        }
    }

    @Test
    void aFileThatIsNotACacheIsNeitherReadNorDeleted() throws IOException {
        byte[] data = "age,label\n39,yes\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file(), data);
        Recording<Example> src = new Recording<>("rows-v1", () -> rows().iterator());
        DatasetException e =
                assertThrows(DatasetException.class, () -> src.cache(file()).toList());
        assertTrue(e.getMessage().contains(file().toString()), e.getMessage());
        assertArrayEquals(data, Files.readAllBytes(file()), "cache(Path) overwrote a file that is not its own");
        assertEquals(0, src.opened.get());
    }

    @Test
    void theCacheDirectoryIsCreated() {
        Path nested = dir.resolve("a/b/c/rows.cache");
        Dataset<Example> cached = new Recording<>("rows-v1", () -> rows().iterator()).cache(nested);
        cached.toList();
        assertTrue(Files.isRegularFile(nested));
    }
}
