package org.estimator4j.cli.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.estimator4j.api.tracking.RunStatus;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.TrackedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, point 8 as a user who may not write the store sees it: {@code bin/e4j runs list} run as the unprivileged
 * user {@code nobody} (through {@code runuser}, when the tests run as root) on a store in a chmod-555 folder. It
 * used to spend 31 s retrying, then fail; now the store is opened read-only on its own.
 */
class ReadOnlyFolderIT {
    @TempDir
    Path dir;

    @Test
    void anotherUserListsAStoreInAFolderTheyMayNotWrite() throws Exception {
        Path runuser = Path.of("/usr/sbin/runuser");
        assumeTrue(
                "root".equals(System.getProperty("user.name")) && Files.isExecutable(runuser),
                "needs root and runuser to act as another user");
        Path repo = Path.of(System.getProperty("e4j.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path shared = Files.createDirectory(dir.resolve("shared"));
        String runId;
        try (ExperimentStore store =
                ExperimentStore.open(shared.resolve("store").toString())) {
            TrackedRun run = store.startRun("census");
            run.logMetric("loss", 0.5, 1);
            run.end(RunStatus.FINISHED, null);
            runId = run.runId();
        }
        Path data = shared.resolve("store.mv.db");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("r-xr-xr-x"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        byte[] before = Files.readAllBytes(data);

        ProcessBuilder pb = new ProcessBuilder(List.of(
                        runuser.toString(),
                        "-u",
                        "nobody",
                        "--",
                        repo.resolve("bin/e4j").toString(),
                        "runs",
                        "list",
                        "--store",
                        shared.resolve("store").toString()))
                .redirectErrorStream(true);
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "hung");
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains(runId), output);
        assertArrayEquals(before, Files.readAllBytes(data));
        try (var files = Files.list(shared)) {
            assertEquals(
                    List.of("store.mv.db"),
                    files.map(f -> f.getFileName().toString()).toList());
        }
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
