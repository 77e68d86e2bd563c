package org.estimator4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/e4j and the shaded cli/target/e4j.jar as real processes: the launcher's environment and JVM
 * options, exit codes through the process boundary, and ND4J's natives loading from inside the jar.
 */
class LauncherIT {

    private static final long TIMEOUT_SECONDS = 180;

    private static Path repoRoot;
    private static Path launcher;

    @BeforeAll
    static void locate() {
        repoRoot = Path.of(System.getProperty("e4j.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        launcher = repoRoot.resolve("bin/e4j");
        assertTrue(Files.isExecutable(launcher), launcher + " must exist and be executable");
        assertTrue(
                Files.isRegularFile(repoRoot.resolve("cli/target/e4j.jar")),
                "the shaded jar is built in 'package', before failsafe runs");
    }

    private record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    /**
     * Runs the launcher with a clean environment for the variables it reads; {@code env} adds to it.
     * OMP_WAIT_POLICY is always removed first, so an OK for it proves bin/e4j exported it.
     */
    private static Result run(Path script, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("OMP_WAIT_POLICY");
        pb.environment().remove("E4J_JAR");
        pb.environment().remove("E4J_JAVA_OPTS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("e4j-it", ".out");
        Path err = Files.createTempFile("e4j-it", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            Process process = pb.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(launcher, env, args);
    }

    @Test
    void versionExitsZeroWithTheProjectVersion() throws Exception {
        Result result = run(Map.of(), "--version");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(
                "e4j " + System.getProperty("e4j.expected.version"),
                result.outLines().get(0));
    }

    @Test
    void doctorPassesAndShowsTheLauncherExportedPassive() throws Exception {
        Result result = run(Map.of(), "doctor");

        assertEquals(0, result.exitCode(), result.out() + result.err());
        List<String> lines = result.outLines();
        assertTrue(lines.contains("OK    OMP_WAIT_POLICY  PASSIVE"), result.out());
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.startsWith(
                                "OK    ND4J backend     org.nd4j.linalg.cpu.nativecpu.CpuBackend, BLAS OPENBLAS")),
                result.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("OK    Java version")), result.out());
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("OK    CPU ") && l.contains("linux-x86_64")), result.out());
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("FAIL")), result.out());
        assertTrue(lines.get(lines.size() - 1).matches("7 checks: \\d OK, \\d WARN, 0 FAIL"), result.out());
        // Whatever OPENBLAS_CORETYPE this machine's environment holds, the launcher leaves none of the CPU's faster
        // OpenBLAS kernels unused.
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("OK    OpenBLAS ")), result.out());
    }

    @Test
    void e4jOpenblasCoretypeForcesTheKernels() throws Exception {
        Result result = run(Map.of("E4J_OPENBLAS_CORETYPE", "Barcelona"), "doctor");

        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(
                result.outLines().stream()
                        .anyMatch(l -> l.contains("OpenBLAS") && l.contains("OPENBLAS_CORETYPE=Barcelona")),
                result.out());
    }

    @Test
    void aUsageErrorExitsTwoThroughTheLauncher() throws Exception {
        Result result = run(Map.of(), "--definitely-not-an-option");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("Unknown option: '--definitely-not-an-option'"), result.err());
    }

    @Test
    void defaultJvmOptionsAreApplied() throws Exception {
        // -XX:+PrintCommandLineFlags prints the effective flags to stdout before main runs.
        Result result = run(Map.of("E4J_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "--version");

        assertEquals(0, result.exitCode(), result.err());
        String flags = result.outLines().get(0);
        assertTrue(flags.contains("-XX:MaxRAMPercentage=50"), flags);
        assertTrue(flags.contains("-XX:+UseParallelGC"), flags);
    }

    @Test
    void e4jJavaOptsOverrideTheDefaults() throws Exception {
        Result result =
                run(Map.of("E4J_JAVA_OPTS", "-Xmx300m -XX:+UseSerialGC -XX:+PrintCommandLineFlags"), "--version");

        assertEquals(0, result.exitCode(), "a second collector must replace, not conflict: " + result.err());
        String flags = result.outLines().get(0);
        assertTrue(flags.contains("-XX:MaxHeapSize=314572800"), flags);
        assertTrue(flags.contains("-XX:+UseSerialGC"), flags);
        assertFalse(flags.contains("-XX:+UseParallelGC"), flags);
    }

    @Test
    void worksThroughASymlinkFromElsewhere(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("e4j"), launcher);

        Result result = run(link, Map.of(), "--version");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("e4j " + System.getProperty("e4j.expected.version")), result.out());
    }

    @Test
    void aMissingJarExitsOneWithTheBuildCommand(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope/e4j.jar");

        Result result = run(Map.of("E4J_JAR", missing.toString()), "--version");

        assertEquals(1, result.exitCode());
        assertTrue(
                result.err()
                        .startsWith("e4j: e4j.jar not found at "
                                + missing
                                + ": build it with 'mvn -B -q install -DskipTests'"),
                result.err());
        assertEquals("", result.out());
    }
}
