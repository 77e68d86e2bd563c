package org.estimator4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ExitCodeTest {

    /** A command whose behaviour the test chooses, added to the real root so the real handler runs. */
    @Command(name = "boom", mixinStandardHelpOptions = true)
    static final class Boom implements Callable<Integer> {
        private final Throwable toThrow;

        Boom(Throwable toThrow) {
            this.toThrow = toThrow;
        }

        @Override
        public Integer call() throws Exception {
            if (toThrow instanceof Exception e) {
                throw e;
            }
            throw (Error) toThrow;
        }
    }

    private static CliRun runBoom(Throwable toThrow, String... args) {
        CommandLine cmd = CliRun.commandLine();
        cmd.addSubcommand("boom", new Boom(toThrow));
        return CliRun.of(cmd, args);
    }

    @Test
    void versionExitsZeroAndPrintsTheProjectVersion() {
        String expected = System.getProperty("e4j.expected.version");
        assertNotNull(expected, "surefire passes e4j.expected.version from the pom");

        CliRun run = CliRun.e4j("--version");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("e4j " + expected, lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Java " + System.getProperty("java.version"))), run.out());
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("OS ") && l.endsWith(System.getProperty("os.arch"))),
                run.out());
        assertEquals("", run.err());
    }

    @Test
    void shortVersionFlagWorksToo() {
        CliRun run = CliRun.e4j("-V");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("e4j " + System.getProperty("e4j.expected.version")), run.out());
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitTwo() {
        CliRun run = CliRun.e4j("--no-such-option");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown option: '--no-such-option'"), run.err());
        assertTrue(run.err().contains("Usage: e4j"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void unknownSubcommandOptionIsAUsageErrorWithThatCommandsUsage() {
        CliRun run = CliRun.e4j("doctor", "--frobnicate");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown option: '--frobnicate'"), run.err());
        assertTrue(run.err().contains("Usage: e4j doctor"), run.err());
    }

    @Test
    void noSubcommandIsAUsageError() {
        CliRun run = CliRun.e4j();

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Missing required subcommand"), run.err());
        assertTrue(run.err().contains("doctor"), "usage lists the commands: " + run.err());
    }

    @Test
    void aThrowingCommandExitsOneWithAOneLineError() {
        CliRun run = runBoom(new IllegalStateException("the disk\nis full"), "boom");

        assertEquals(1, run.exitCode());
        assertEquals(
                List.of("e4j boom failed: the disk is full;" + " run 'e4j --verbose boom ...' for the stack trace"),
                run.errLines());
        assertEquals("", run.out());
    }

    @Test
    void aBugKeepsItsExceptionClassInTheLine() {
        CliRun run = runBoom(new NullPointerException("Cannot invoke \"String.length()\""), "boom");

        assertEquals(1, run.exitCode());
        assertEquals(
                List.of("e4j boom failed: NullPointerException: Cannot invoke \"String.length()\";"
                        + " run 'e4j --verbose boom ...' for the stack trace"),
                run.errLines());
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun run = runBoom(new IllegalStateException("kaput"), "--verbose", "boom");

        assertEquals(1, run.exitCode());
        List<String> lines = run.errLines();
        assertEquals("e4j boom failed: kaput; stack trace follows", lines.get(0));
        assertTrue(lines.size() > 2, run.err());
        assertEquals("java.lang.IllegalStateException: kaput", lines.get(1));
        assertTrue(lines.get(2).startsWith("\tat org.estimator4j.cli.ExitCodeTest."), run.err());
    }

    @Test
    void shortVerboseFlagWorksToo() {
        CliRun run = runBoom(new IllegalStateException("kaput"), "-v", "boom");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("\tat "), run.err());
    }

    @Test
    void anE4jExceptionPrintsItsHint() {
        CliRun run = runBoom(new E4jException("data file train.csv not found", "check the --data path"), "boom");

        assertEquals(1, run.exitCode());
        assertEquals(List.of("e4j boom failed: data file train.csv not found; check the --data path"), run.errLines());
    }

    @Test
    void aLinkageErrorIsReportedLikeAnExceptionNotACrash() {
        CliRun run = runBoom(new UnsatisfiedLinkError("no jnind4jcpu in java.library.path"), "boom");

        assertEquals(1, run.exitCode());
        List<String> lines = run.errLines();
        assertEquals(1, lines.size(), run.err());
        assertTrue(
                lines.get(0).startsWith("e4j boom failed: UnsatisfiedLinkError: no jnind4jcpu in java.library.path;"),
                lines.get(0));
    }

    @Test
    void oneLineNeverHasALineBreak() {
        String line = OneLineErrorHandler.oneLine("e4j x", new E4jException("first\r\nsecond\n", "do\nthis"), false);
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        assertEquals("e4j x failed: first second; do this", line);
    }
}
