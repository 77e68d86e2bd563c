package org.estimator4j.api.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.estimator4j.api.data.DataFormatException;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.LongColumn;
import org.estimator4j.api.table.Schema;
import org.estimator4j.api.table.StringColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvDatasetTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static CsvOptions.Builder csv(Path p) {
        return CsvOptions.builder().file(p);
    }

    private static Schema schemaOf(Dataset<Example> rows) {
        return rows.toList().get(0).schema();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void infersInt64Float32AndStringFromTheFirstRows(int threads) throws IOException {
        Path p = write("a.csv", "id,score,name\n1,0.5,ann\n2,3,bob\n");
        List<Example> rows =
                Dataset.fromCsv(csv(p).parallelism(threads).build()).toList();
        Schema s = rows.get(0).schema();
        assertEquals(DType.INT64, s.field("id").dtype());
        assertEquals(DType.FLOAT32, s.field("score").dtype());
        assertEquals(DType.STRING, s.field("name").dtype());
        assertEquals(2, rows.size());
        assertEquals(2L, rows.get(1).getLong("id"));
        assertEquals(3.0f, rows.get(1).getFloat("score"));
        assertEquals("bob", rows.get(1).getString("name"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void quotedFieldsKeepDelimitersQuotesAndLineBreaks(int threads) throws IOException {
        Path p = write("q.csv", "id,text\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,plain\n");
        List<Example> rows =
                Dataset.fromCsv(csv(p).parallelism(threads).build()).toList();
        assertEquals(
                List.of("a,b", "say \"hi\"", "two\nlines", "plain"),
                rows.stream().map(r -> r.getString("text")).toList());
        assertEquals(4L, rows.get(3).getLong("id"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void handlesBomCrlfAndAMissingFinalNewline(int threads) throws IOException {
        Path p = dir.resolve("bom.csv");
        byte[] body = "id,name\r\n1,x\r\n2,y".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(p, withBom);
        List<Example> rows =
                Dataset.fromCsv(csv(p).parallelism(threads).build()).toList();
        assertEquals(List.of("id", "name"), rows.get(0).schema().names(), "BOM must not stick to the first name");
        assertEquals(
                List.of("x", "y"), rows.stream().map(r -> r.getString("name")).toList());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aValueOfTheWrongTypeNamesFileLineColumnTextAndType(int threads) throws IOException {
        Path p = write("bad.csv", "a,b,c\n1,2,x\n3,4,y\n5,oops,z\n");
        CsvOptions options =
                csv(p).columnType("b", DType.INT64).parallelism(threads).build();
        DataFormatException e = assertThrows(
                DataFormatException.class, () -> Dataset.fromCsv(options).toList());
        assertTrue(e.getMessage().startsWith(p + ":4:2: cannot read 'oops' as int64 for column 'b'"), e.getMessage());
        assertEquals(4L, e.line().orElseThrow());
        assertEquals(2, e.column().orElseThrow());
        assertEquals(p.toString(), e.source());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void lineNumbersCountLineBreaksInsideQuotesAndSkippedLines(int threads) throws IOException {
        Path p = write("lines.csv", "title line\nid,t\n1,\"multi\nline\"\n2,x\nbad,y\n");
        CsvOptions options = csv(p).skipLines(1)
                .columnType("id", DType.INT64)
                .parallelism(threads)
                .build();
        DataFormatException e = assertThrows(
                DataFormatException.class, () -> Dataset.fromCsv(options).toList());
        assertTrue(e.getMessage().startsWith(p + ":6:1:"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aRowWithTooFewFieldsIsReportedWithItsLine(int threads) throws IOException {
        Path p = write("short.csv", "a,b,c\n1,2,3\n4,5\n");
        DataFormatException e = assertThrows(
                DataFormatException.class,
                () -> Dataset.fromCsv(csv(p).parallelism(threads).build()).toList());
        assertTrue(e.getMessage().startsWith(p + ":3: expected 3 fields"), e.getMessage());
        assertTrue(e.getMessage().contains("found 2"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void skippedBadRowsAreCountedAndReported(int threads) throws IOException {
        Path p = write("skip.csv", "a,b\n1,2\nx,3\n4\n5,6\n");
        List<DataFormatException> seen = new ArrayList<>();
        CsvOptions options = csv(p).columnType("a", DType.INT64)
                .badRows(BadRowPolicy.SKIP)
                .onBadRow(seen::add)
                .parallelism(threads)
                .build();
        List<Example> rows = Dataset.fromCsv(options).toList();
        assertEquals(List.of(1L, 5L), rows.stream().map(r -> r.getLong("a")).toList());
        assertEquals(2, seen.size());
        assertEquals(3L, seen.get(0).line().orElseThrow());
        assertEquals(4L, seen.get(1).line().orElseThrow());
    }

    @Test
    void naTokensAndTrimmingReadTheUciAdultStyle() throws IOException {
        Path p = write("adult.data", "39, State-gov, 77516, <=50K\n50, ?, 83311, >50K\n\n");
        CsvOptions options = csv(p).header(false)
                .columnNames("age", "workclass", "fnlwgt", "income_bracket")
                .trimWhitespace(true)
                .naTokens("?")
                .build();
        List<Example> rows = Dataset.fromCsv(options).toList();
        assertEquals(2, rows.size(), "the trailing empty line is not a row");
        assertEquals("State-gov", rows.get(0).getString("workclass"));
        assertTrue(rows.get(1).isMissing("workclass"));
        assertNull(rows.get(1).get("workclass"));
        assertEquals(39L, rows.get(0).getLong("age"));
        assertEquals(">50K", rows.get(1).getString("income_bracket"));
    }

    @Test
    void emptyFieldsAreMissingByDefaultAndDeclaredFloat64KeepsPrecision() throws IOException {
        Path p = write("m.csv", "x,y\n0.1234567890123,\n,2\n");
        CsvOptions options = csv(p).columnType("x", DType.FLOAT64).build();
        List<Example> rows = Dataset.fromCsv(options).toList();
        assertEquals(0.1234567890123, rows.get(0).getDouble("x"));
        assertTrue(rows.get(0).isMissing("y"));
        assertTrue(rows.get(1).isMissing("x"));
        assertEquals(2L, rows.get(1).getLong("y"));
    }

    @Test
    void selectColumnsKeepsOnlyThoseInFileOrder() throws IOException {
        Path p = write("s.csv", "a,b,c\n1,x,2\n");
        List<Example> rows =
                Dataset.fromCsv(csv(p).selectColumns("c", "a").build()).toList();
        assertEquals(List.of("a", "c"), rows.get(0).schema().names());
    }

    @Test
    void unknownColumnNamesInOptionsFailAtOnceListingTheRealOnes() throws IOException {
        Path p = write("u.csv", "a,b\n1,2\n");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Dataset.fromCsv(csv(p).labelColumns("label").build()));
        assertTrue(e.getMessage().contains("'label'") && e.getMessage().contains("[a, b]"), e.getMessage());
    }

    @Test
    void aMissingFileFailsWhenTheDatasetIsCreated() {
        UncheckedIOException e = assertThrows(
                UncheckedIOException.class,
                () -> Dataset.fromCsv(csv(dir.resolve("nope.csv")).build()));
        assertTrue(e.getMessage().contains("nope.csv"), e.getMessage());
    }

    @Test
    void readsGzipFilesAndGlobsInSortedOrder() throws IOException {
        write("part-2.csv", "id\n3\n4\n");
        write("part-1.csv", "id\n1\n2\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("part-3.csv.gz")))) {
            out.write("id\n5\n".getBytes(StandardCharsets.UTF_8));
        }
        List<Example> rows = Dataset.fromCsv(
                        CsvOptions.builder().glob(dir + "/part-*").build())
                .toList();
        assertEquals(
                List.of(1L, 2L, 3L, 4L, 5L),
                rows.stream().map(r -> r.getLong("id")).toList());
    }

    @Test
    void filesWithDifferentHeadersAreRefused() throws IOException {
        Path a = write("a.csv", "id,x\n1,2\n");
        Path b = write("b.csv", "id,y\n1,2\n");
        DataFormatException e = assertThrows(
                DataFormatException.class,
                () -> Dataset.fromCsv(csv(a).file(b).build()).toList());
        assertTrue(e.getMessage().startsWith(b + ":1:"), e.getMessage());
    }

    @Test
    void everyPassReReadsTheFile() throws IOException {
        Path p = write("r.csv", "id\n1\n");
        Dataset<Example> rows =
                Dataset.fromCsv(csv(p).columnType("id", DType.INT64).build());
        assertEquals(1, rows.count());
        Files.writeString(p, "id\n1\n2\n3\n");
        assertEquals(3, rows.count());
    }

    @Test
    void batchesAreTypedColumnsWithMissingMasks() throws IOException {
        Path p = write("b.csv", "id,cat\n1,a\n2,\n3,c\n");
        List<Batch> batches =
                Dataset.fromCsv(csv(p).build()).batch(2, false, Batch::of).toList();
        assertEquals(2, batches.size());
        LongColumn ids = batches.get(0).longColumn("id");
        assertArrayEquals(new long[] {1, 2}, java.util.Arrays.copyOf(ids.values(), 2));
        StringColumn cats = batches.get(0).stringColumn("cat");
        assertFalse(cats.isMissing(0));
        assertTrue(cats.isMissing(1));
        assertEquals(1, batches.get(1).numRows());
    }

    @Test
    void parallelParsingGivesTheSameRowsInTheSameOrder() throws IOException {
        StringBuilder sb = new StringBuilder("id,text,score\n");
        for (int i = 0; i < 50_000; i++) {
            sb.append(i)
                    .append(',')
                    .append(i % 7 == 0 ? "\"multi\nline, " + i + "\"" : "t" + (i % 13))
                    .append(',')
                    .append(i * 0.25)
                    .append('\n');
        }
        Path p = write("big.csv", sb.toString());
        List<Example> one = Dataset.fromCsv(csv(p).build()).toList();
        List<Example> two = Dataset.fromCsv(csv(p).parallelism(2).build()).toList();
        assertEquals(50_000, one.size());
        assertEquals(one, two);
    }

    @Test
    void interleavesRowsOfSeveralFiles() throws IOException {
        Path a = write("a.csv", "id\n1\n2\n3\n");
        Path b = write("b.csv", "id\n10\n20\n");
        Dataset<Example> rows = Dataset.of(a, b)
                .interleave(
                        p -> Dataset.fromCsv(
                                csv(p).columnType("id", DType.INT64).build()),
                        2,
                        1);
        assertEquals(
                List.of(1L, 10L, 2L, 20L, 3L),
                rows.toList().stream().map(r -> r.getLong("id")).toList());
    }

    @Test
    void aDiskCacheIsReusedAcrossRunsAndRebuiltWhenTheCsvChanges() throws IOException {
        Path p = write("c.csv", "id\n1\n2\n");
        Path cache = dir.resolve("cache/rows.bin");
        CsvOptions options = csv(p).columnType("id", DType.INT64).build();
        assertEquals(2, Dataset.fromCsv(options).cache(cache).count());
        assertTrue(Files.isRegularFile(cache));
        long written = Files.getLastModifiedTime(cache).toMillis();

        // A new dataset object over the unchanged file (a later run) reads the cache: same rows, file untouched.
        List<Example> again = Dataset.fromCsv(options).cache(cache).toList();
        assertEquals(List.of(1L, 2L), again.stream().map(r -> r.getLong("id")).toList());
        assertEquals(written, Files.getLastModifiedTime(cache).toMillis());

        Files.writeString(p, "id\n1\n2\n3\n");
        List<Example> changed = Dataset.fromCsv(options).cache(cache).toList();
        assertEquals(
                List.of(1L, 2L, 3L), changed.stream().map(r -> r.getLong("id")).toList());
        assertEquals(3, Dataset.fromCsv(options).cache(cache).count());
    }
}
