package org.estimator4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class HelpTest {

    @Test
    void rootHelpExitsZeroAndListsCommandsAndExitCodes() {
        CliRun run = CliRun.e4j("--help");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Usage: e4j"), run.out());
        assertTrue(run.out().contains("--verbose"), run.out());
        assertTrue(run.out().contains("--version"), run.out());
        assertTrue(run.out().contains("doctor"), run.out());
        assertTrue(run.out().contains("Exit codes:"), run.out());
    }

    @Test
    void thereAreSubcommandsToCheck() {
        assertFalse(CliRun.commandLine().getSubcommands().isEmpty());
    }

    /** Every subcommand, including ones later issues add, must answer --help and -h with its usage. */
    @TestFactory
    Stream<DynamicTest> everySubcommandHasHelp() {
        return CliRun.commandLine().getSubcommands().keySet().stream()
                .flatMap(name -> Stream.of("--help", "-h")
                        .map(flag -> DynamicTest.dynamicTest("e4j " + name + " " + flag, () -> {
                            CliRun run = CliRun.e4j(name, flag);
                            assertEquals(0, run.exitCode(), run.err());
                            assertTrue(run.out().startsWith("Usage: e4j " + name), run.out());
                            assertTrue(run.out().contains("--help"), run.out());
                            assertEquals("", run.err());
                        })));
    }

    @TestFactory
    Stream<DynamicTest> everySubcommandHasTheRootsVersion() {
        String expected = "e4j " + System.getProperty("e4j.expected.version");
        return CliRun.commandLine().getSubcommands().keySet().stream()
                .map(name -> DynamicTest.dynamicTest("e4j " + name + " --version", () -> {
                    CliRun run = CliRun.e4j(name, "--version");
                    assertEquals(0, run.exitCode(), run.err());
                    assertTrue(run.out().startsWith(expected), run.out());
                }));
    }
}
