package org.estimator4j.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.input.CsvInputFn;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.input.Mode;
import org.estimator4j.api.json.JsonLinesOptions;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.RowOrigin;
import org.estimator4j.api.table.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every row remembers its file and line through shuffle, batch, label split and unbatch. */
class RowOriginTest {
    @TempDir
    Path dir;

    /** Two files whose id column is the row's own line number, so each row can check where it says it is from. */
    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("a.csv", "b.csv")) {
            StringBuilder sb = new StringBuilder("id,label\n");
            for (int line = 2; line <= 3001; line++) {
                sb.append(line).append(',').append(name).append('\n');
            }
            Path p = dir.resolve(name);
            Files.writeString(p, sb);
            files.add(p);
        }
        return files;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2}) // parsed on the consumer's thread, and in chunks on workers
    void shuffledBatchesNameEachRowsFileAndLine(int parallelism) throws IOException {
        List<Path> files = files();
        CsvOptions options = CsvOptions.builder()
                .files(files)
                .labelColumns("label")
                .parallelism(parallelism)
                .build();
        Map<String, Integer> seen = new HashMap<>();
        try (Dataset<LabeledBatch> batches = CsvInputFn.builder(options)
                .batchSize(64)
                .shuffleBuffer(5000)
                .seed(3)
                .epochs(1)
                .build()
                .apply(Mode.TRAIN)) {
            for (LabeledBatch b : batches) {
                for (int r = 0; r < b.numRows(); r++) {
                    long line = b.features().longColumn("id").values()[r];
                    String file = b.labels().stringColumn("label").values()[r];
                    String expected = dir.resolve(file) + ":" + line;
                    assertEquals(expected, b.features().rowName(r));
                    assertEquals(expected, b.labels().rowName(r));
                    seen.merge(expected, 1, Integer::sum);
                }
            }
        }
        assertEquals(6000, seen.size());
    }

    @Test
    void unbatchedRowsAndJsonLinesKeepTheirOrigin() throws IOException {
        Path p = dir.resolve("rows.jsonl");
        Files.writeString(p, "{\"x\": 1}\n\n{\"x\": 2}\n{\"x\": 3}\n");
        List<Example> rows = Dataset.fromJsonLines(
                        JsonLinesOptions.builder().file(p).build())
                .batch(2, false, Batch::of)
                .<Example>unbatch()
                .toList();
        assertEquals(
                List.of(p + ":1", p + ":3", p + ":4"),
                rows.stream().map(e -> RowOrigin.describe(e.origin())).toList());
    }

    @Test
    void rowsReadBackFromACacheFileKeepTheirOrigin() throws IOException {
        List<Example> rows =
                Dataset.fromCsv(CsvOptions.builder().files(files()).build()).toList();
        TestSources.Recording<Example> src = new TestSources.Recording<>("csv rows", rows::iterator);
        Dataset<Example> cached = src.cache(dir.resolve("rows.e4jcache"));
        cached.toList();
        List<Example> again = cached.toList();
        assertEquals(1, src.opened.get(), "the second pass reads the cache file");
        assertEquals(
                dir.resolve("a.csv") + ":2", RowOrigin.describe(again.get(0).origin()));
        assertEquals(
                dir.resolve("b.csv") + ":3001",
                RowOrigin.describe(again.get(again.size() - 1).origin()));
    }

    @Test
    void rowsNotReadFromAFileAreNamedByTheirPositionInTheBatch() {
        Schema schema = Schema.of(org.estimator4j.api.table.Field.scalar("x", org.estimator4j.api.table.DType.INT64));
        Batch b = Batch.of(List.of(
                Example.builder(schema).set("x", 1L).build(),
                Example.builder(schema).set("x", 2L).build()));
        assertEquals("row 1", b.rowName(1));
        assertEquals(RowOrigin.UNKNOWN, b.origin(1));
        assertNull(RowOrigin.describe(RowOrigin.UNKNOWN));
    }
}
