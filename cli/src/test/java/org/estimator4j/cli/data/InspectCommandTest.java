package org.estimator4j.cli.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsSchemaStatisticsAndFirstRows() throws IOException {
        Path p = dir.resolve("d.csv");
        Files.writeString(p, "age,city\n30,Oslo\n40,?\n50,Oslo\n");
        CliRun r = CliRun.e4j("data", "inspect", p.toString(), "--na", "?", "--head", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("3 rows"), r.out());
        assertTrue(r.out().matches("(?s).*age\\s+int64\\s+missing 0\\s+min 30\\s+mean 40\\s+max 50.*"), r.out());
        assertTrue(
                r.out().matches("(?s).*city\\s+string\\s+missing 1\\s+distinct 1\\s+top 'Oslo' \\(100.0%\\).*"),
                r.out());
        assertTrue(r.out().contains("{age=30, city=Oslo}"), r.out());
    }

    @Test
    void aBadRowFailsWithItsLocationAndExitCodeOne() throws IOException {
        Path p = dir.resolve("bad.csv");
        Files.writeString(p, "a,b\n1,2\n3\n");
        CliRun r = CliRun.e4j("data", "inspect", p.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(p + ":3: expected 2 fields"), r.err());
    }

    @Test
    void skippedBadRowsAreCounted() throws IOException {
        Path p = dir.resolve("skip.csv");
        Files.writeString(p, "a,b\n1,2\n3\n4,5\n");
        CliRun r = CliRun.e4j("data", "inspect", p.toString(), "--skip-bad-rows");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("2 rows (1 bad rows skipped)"), r.out());
    }
}
