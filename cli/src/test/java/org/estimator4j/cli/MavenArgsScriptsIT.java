package org.estimator4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .ci/run} and {@code bench/compare.sh} hand {@code E4J_MAVEN_ARGS} to every {@code mvn} they run, word by word,
 * so a custom local repository works on Maven 3.8 (which ignores {@code MAVEN_ARGS}). The scripts run as processes from
 * a copy of their folders, with an {@code mvn} first on PATH that writes its arguments to a file and builds nothing:
 * the copy has no jars, so {@code compare.sh} stops after the build step and benchmarks nothing.
 */
class MavenArgsScriptsIT {
    private static final String ARGS = "-Dmaven.repo.local=/tmp/e4j-m2 -o";

    @TempDir
    Path dir;

    @Test
    void ciRunPassesE4jMavenArgsToMvn() throws Exception {
        Path root = copyScripts(".ci/run", ".ci/postgres.sh");
        // A PostgreSQL URL in the environment keeps postgres.sh from installing or starting a server.
        int exit = run(root.resolve(".ci/run"), "jdbc:postgresql://localhost:1/none");
        assertEquals(0, exit, log());
        assertEquals(List.of("-B", "-Dmaven.repo.local=/tmp/e4j-m2", "-o", "verify"), mvnArguments());
    }

    @Test
    void compareShPassesE4jMavenArgsToMvn() throws Exception {
        Path root = copyScripts("bench/compare.sh", "bin/openblas-coretype");
        int exit = run(root.resolve("bench/compare.sh"), null);
        assertEquals(2, exit, "no jars in the copy: compare.sh stops after building\n" + log());
        List<String> args = mvnArguments();
        assertEquals(List.of("-B", "-q", "-Dmaven.repo.local=/tmp/e4j-m2", "-o"), args.subList(0, 4), log());
        assertTrue(args.contains("package"), args.toString());
    }

    private Path copyScripts(String... paths) throws IOException {
        Path repoRoot = Path.of(System.getProperty("e4j.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path root = Files.createDirectories(dir.resolve("repo"));
        for (String path : paths) {
            Path target = root.resolve(path);
            Files.createDirectories(target.getParent());
            Files.copy(repoRoot.resolve(path), target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path fakeMvn = Files.createDirectories(dir.resolve("fake-bin")).resolve("mvn");
        Files.writeString(
                fakeMvn, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"" + dir.resolve("mvn-args") + "\"\n");
        Files.setPosixFilePermissions(fakeMvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }

    private int run(Path script, String postgresUrl) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(script.toString());
        pb.environment().put("PATH", dir.resolve("fake-bin") + ":" + System.getenv("PATH"));
        pb.environment().put("E4J_MAVEN_ARGS", ARGS);
        if (postgresUrl != null) {
            pb.environment().put("E4J_TEST_POSTGRES_URL", postgresUrl);
        }
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), script + " did not finish");
        return p.exitValue();
    }

    private List<String> mvnArguments() throws IOException {
        Path file = dir.resolve("mvn-args");
        assertTrue(Files.exists(file), () -> "mvn was not run\n" + log());
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
