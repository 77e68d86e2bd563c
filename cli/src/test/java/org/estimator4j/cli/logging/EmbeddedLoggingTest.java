package org.estimator4j.cli.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library embedded in an application, in a JVM of its own with the library's jars and none of the CLI's (its
 * classes carry the CLI's logging configuration): training with evaluations and a new experiment store print nothing
 * when the application has no SLF4J provider (not even SLF4J's "no providers" notice, nor Flyway's narration through
 * java.util.logging), and nothing but the store's one line when it logs at INFO through its own provider.
 */
class EmbeddedLoggingTest {
    @TempDir
    Path dir;

    private record Output(int exitCode, String out, String err) {}

    /** The test class path without the CLI's classes, and without slf4j-simple unless {@code withProvider}. */
    private static String libraryClassPath(boolean withProvider) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).normalize().endsWith(Path.of("cli", "target", "classes")))
                .filter(entry ->
                        withProvider || !Path.of(entry).getFileName().toString().startsWith("slf4j-simple"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private Output runEmbedded(boolean withProvider) throws IOException, InterruptedException {
        Path work = Files.createDirectories(dir.resolve(withProvider ? "with-provider" : "without-provider"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                libraryClassPath(withProvider),
                EmbeddedUse.class.getName(),
                work.toString()));
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the embedded run did not finish");
        return new Output(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void anApplicationWithoutAnSlf4jProviderSeesNothing() throws Exception {
        Output o = runEmbedded(false);
        assertEquals(0, o.exitCode(), o.err());
        assertEquals("", o.out());
        assertEquals("", o.err(), "nothing on stderr: no progress, no SLF4J notice, no Flyway lines");
    }

    @Test
    void anApplicationLoggingAtInfoSeesNoProgressAndNoFlywayNarration() throws Exception {
        Output o = runEmbedded(true);
        assertEquals(0, o.exitCode(), o.err());
        assertEquals("", o.out());
        List<String> lines = o.err().lines().toList();
        // slf4j-simple's default level is INFO: the store says once that it creates its schema, and that is all.
        assertEquals(1, lines.size(), o.err());
        assertTrue(lines.get(0).contains("creating the experiment store schema"), o.err());
        assertFalse(o.err().contains("step 100"), o.err());
        assertFalse(o.err().toLowerCase(java.util.Locale.ROOT).contains("flyway"), o.err());
    }
}
