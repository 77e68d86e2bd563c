package org.estimator4j.cli.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code e4j features inspect} reads column JSON strictly: duplicate keys and trailing text name line:column. */
class StrictColumnsJsonTest {
    @TempDir
    Path dir;

    private CliRun inspect(String columns) throws IOException {
        Files.writeString(dir.resolve("cols.json"), columns);
        Files.writeString(dir.resolve("rows.jsonl"), "{\"size\": 1}\n");
        return CliRun.e4j(
                "features",
                "inspect",
                "--columns",
                dir.resolve("cols.json").toString(),
                "--input",
                dir.resolve("rows.jsonl").toString());
    }

    @Test
    void aKeyGivenTwiceNamesItsLineAndColumn() throws IOException {
        CliRun r = inspect("[{\"class_name\": \"NumericColumn\",\n \"config\": {\"key\": \"size\", \"key\": \"x\"}}]");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("not valid JSON at line 2, column 33: Duplicate field 'key'"), r.err());
    }

    @Test
    void textAfterTheListNamesItsLineAndColumnWithoutJacksonInternals() throws IOException {
        CliRun r = inspect("[{\"class_name\": \"NumericColumn\", \"config\": {\"key\": \"size\"}}]\n]");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("not valid JSON at line 2, column 1"), r.err());
        assertFalse(r.err().contains("REDACTED"), r.err());
        assertEquals(1, r.errLines().size(), r.err());
    }
}
