package org.estimator4j.api.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.estimator4j.api.data.DataFormatException;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The non-finite policy for CSV: NaN, infinities and numbers beyond the column's type are refused naming
 * file:line:column and the text, in declared and inferred float columns alike; an NA token is how a file says missing.
 */
class CsvNonFiniteTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "FLOAT32,NaN",
        "FLOAT32,Infinity",
        "FLOAT32,-Infinity",
        "FLOAT32,1e400",
        "FLOAT32,3.5e38",
        "FLOAT64,NaN",
        "FLOAT64,1e400",
        "FLOAT64,-Infinity"
    })
    void nonFiniteTextIsRefusedWithFileLineColumnAndText(DType type, String text) throws IOException {
        Path p = dir.resolve("x.csv");
        Files.writeString(p, "id,x\n1,0.5\n2," + text + "\n3,1.5\n");
        for (int parallelism : new int[] {1, 2}) {
            DataFormatException e = assertThrows(
                    DataFormatException.class,
                    () -> Dataset.fromCsv(CsvOptions.builder()
                                    .file(p)
                                    .columnType("x", type)
                                    .parallelism(parallelism)
                                    .build())
                            .toList());
            assertTrue(
                    e.getMessage()
                            .startsWith(p + ":3:2: '" + text + "' in column 'x' is not a finite " + type.tfName()
                                    + " number"),
                    e.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource({"NaN", "1e400"})
    void anInferredFloatColumnRefusesThemTooUnlessTheyAreNaTokens(String text) throws IOException {
        Path p = dir.resolve("y.csv");
        Files.writeString(p, "id,x\n1,0.5\n2," + text + "\n");
        DataFormatException e = assertThrows(
                DataFormatException.class,
                () -> Dataset.fromCsv(CsvOptions.builder().file(p).build()).toList());
        assertTrue(e.getMessage().startsWith(p + ":3:2: '" + text + "'"), e.getMessage());

        List<Example> rows = Dataset.fromCsv(
                        CsvOptions.builder().file(p).naTokens("", text).build())
                .toList();
        assertTrue(rows.get(1).isMissing("x"));
        assertEquals(0.5, rows.get(0).getDouble("x"));
    }
}
