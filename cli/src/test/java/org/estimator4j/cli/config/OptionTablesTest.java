package org.estimator4j.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README.md's tables of estimator and optimizer options are the declarations, written by {@link OptionTables}. */
class OptionTablesTest {
    private static final Path README =
            Path.of(System.getProperty("e4j.repo.root", "..")).resolve("README.md");

    /** The text between {@code <!-- NAME: begin -->} and {@code <!-- NAME: end -->}. */
    private static String section(String readme, String name) {
        String begin = "<!-- " + name + ": begin (written by OptionTables; OptionTablesTest checks it) -->\n";
        String end = "<!-- " + name + ": end -->";
        int from = readme.indexOf(begin);
        int to = readme.indexOf(end);
        return from < 0 || to < from ? "(no " + name + " section)" : readme.substring(from + begin.length(), to);
    }

    @Test
    void theReadmeTablesAreTheDeclarations() throws IOException {
        String readme = Files.readString(README);
        assertEquals(
                OptionTables.estimatorOptions().strip(),
                section(readme, "estimator options").strip(),
                "README.md's estimator options differ from EstimatorOptions: paste the expected table");
        assertEquals(
                OptionTables.optimizerOptions().strip(),
                section(readme, "optimizer options").strip(),
                "README.md's optimizer options differ from OptimizerOptions: paste the expected table");
    }
}
