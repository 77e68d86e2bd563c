package org.estimator4j.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.estimator4j.api.data.DataFormatException;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.table.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The non-finite policy for JSON lines: numbers the column's type cannot hold are refused naming file and line. */
class JsonLinesNonFiniteTest {
    @TempDir
    Path dir;

    @Test
    void numbersBeyondTheColumnsTypeAreRefusedWithFileLineAndValue() throws IOException {
        // 1e400 overflows a double; 1e39 a float32 (score is inferred float32 from the first line).
        for (String value : List.of("1e400", "-1e400", "1e39")) {
            Path p = dir.resolve("big.jsonl");
            Files.writeString(p, "{\"id\": 1, \"score\": 0.5}\n\n{\"id\": 2, \"score\": " + value + "}\n");
            DataFormatException e = assertThrows(
                    DataFormatException.class,
                    () -> Dataset.fromJsonLines(JsonLinesOptions.builder()
                                    .file(p)
                                    .inferenceRows(1)
                                    .build())
                            .toList());
            assertTrue(e.getMessage().startsWith(p + ":3: field 'score': "), e.getMessage());
            assertTrue(e.getMessage().contains(" is not a finite float32 number"), e.getMessage());
            assertTrue(e.getMessage().contains(value.equals("1e39") ? "1.0E39" : "beyond float64"), e.getMessage());
        }
    }

    @Test
    void finiteExtremesAndMissingValuesPass() throws IOException {
        Path p = dir.resolve("ok.jsonl");
        Files.writeString(p, "{\"score\": 3.4e38}\n{\"score\": null}\n{\"score\": -1e-45}\n");
        List<Example> rows = Dataset.fromJsonLines(
                        JsonLinesOptions.builder().file(p).build())
                .toList();
        assertEquals(3.4e38f, rows.get(0).getFloat("score"));
        assertTrue(rows.get(1).isMissing("score"));
    }
}
