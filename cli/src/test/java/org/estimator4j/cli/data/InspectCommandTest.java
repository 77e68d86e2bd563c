package org.estimator4j.cli.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.estimator4j.cli.E4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectCommandTest {
    @TempDir Path dir;

    private static String[] run(String... args) {
        CommandLine cmd = E4j.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void printsSchemaStatisticsAndFirstRows() throws IOException {
        Path p = dir.resolve("d.csv");
        Files.writeString(p, "age,city\n30,Oslo\n40,?\n50,Oslo\n");
        String[] r = run("data", "inspect", p.toString(), "--na", "?", "--head", "1");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("3 rows"), r[1]);
        assertTrue(
                r[1].matches("(?s).*age\\s+int64\\s+missing 0\\s+min 30\\s+mean 40\\s+max 50.*"),
                r[1]);
        assertTrue(
                r[1].matches(
                        "(?s).*city\\s+string\\s+missing 1\\s+distinct 1\\s+top 'Oslo' \\(100.0%\\).*"),
                r[1]);
        assertTrue(r[1].contains("{age=30, city=Oslo}"), r[1]);
    }

    @Test
    void aBadRowFailsWithItsLocationAndExitCodeOne() throws IOException {
        Path p = dir.resolve("bad.csv");
        Files.writeString(p, "a,b\n1,2\n3\n");
        String[] r = run("data", "inspect", p.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains(p + ":3: expected 2 fields"), r[2]);
    }

    @Test
    void skippedBadRowsAreCounted() throws IOException {
        Path p = dir.resolve("skip.csv");
        Files.writeString(p, "a,b\n1,2\n3\n4,5\n");
        String[] r = run("data", "inspect", p.toString(), "--skip-bad-rows");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("2 rows (1 bad rows skipped)"), r[1]);
    }
}
