package org.estimator4j.api.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.estimator4j.api.csv.BadRowPolicy;
import org.estimator4j.api.data.DataFormatException;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesDatasetTest {
    @TempDir
    Path dir;

    @Test
    void infersTypesAndReadsListsAsVariableLengthColumns() throws IOException {
        Path p = dir.resolve("a.jsonl");
        Files.writeString(
                p,
                "{\"id\": 1, \"score\": 0.5, \"tags\": [\"a\", \"b\"], \"ok\": true}\n\n"
                        + "{\"id\": 2, \"score\": null, \"tags\": [], \"ok\": false}\n");
        List<Example> rows = Dataset.fromJsonLines(
                        JsonLinesOptions.builder().file(p).build())
                .toList();
        Schema s = rows.get(0).schema();
        assertEquals(DType.INT64, s.field("id").dtype());
        assertEquals(DType.FLOAT32, s.field("score").dtype());
        assertTrue(s.field("tags").shape().isVariable());
        assertArrayEquals(new String[] {"a", "b"}, rows.get(0).getStrings("tags"));
        assertEquals(0, rows.get(1).getStrings("tags").length);
        assertTrue(rows.get(1).isMissing("score"));
        assertEquals(0L, rows.get(1).getLong("ok"));
    }

    @Test
    void aBadLineNamesFileAndLine() throws IOException {
        Path p = dir.resolve("bad.jsonl");
        Files.writeString(p, "{\"id\": 1}\n{\"id\": 2}\n{\"id\": \"three\"}\n");
        DataFormatException e = assertThrows(
                DataFormatException.class,
                () -> Dataset.fromJsonLines(JsonLinesOptions.builder()
                                .file(p)
                                .inferenceRows(2)
                                .build())
                        .toList());
        assertTrue(e.getMessage().startsWith(p + ":3:"), e.getMessage());
        assertTrue(e.getMessage().contains("three"), e.getMessage());
    }

    @Test
    void badLinesCanBeSkipped() throws IOException {
        Path p = dir.resolve("skip.jsonl");
        Files.writeString(p, "{\"id\": 1}\nnot json\n{\"id\": 3}\n");
        List<Example> rows = Dataset.fromJsonLines(JsonLinesOptions.builder()
                        .file(p)
                        .badRows(BadRowPolicy.SKIP)
                        .build())
                .toList();
        assertEquals(List.of(1L, 3L), rows.stream().map(r -> r.getLong("id")).toList());
    }
}
