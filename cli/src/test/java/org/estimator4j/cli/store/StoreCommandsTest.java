package org.estimator4j.cli.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipFile;
import org.estimator4j.cli.CliRun;
import org.estimator4j.cli.runs.TrainedRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, point 7 from the CLI: {@code e4j store check} and {@code e4j store backup} on a store {@code e4j train}
 * wrote, and every command refusing a truncated store in one line, leaving its bytes alone.
 */
class StoreCommandsTest {
    @TempDir
    Path dir;

    TrainedRuns runs;
    String store;
    Path data;

    @BeforeEach
    void train() throws Exception {
        runs = new TrainedRuns(dir);
        store = dir.resolve("store").toString();
        data = dir.resolve("store.mv.db");
        runs.train(store, "m1");
        runs.train(store, "m2");
    }

    @Test
    void checkReadsAHealthyStore() {
        CliRun check = CliRun.e4j("store", "check", "--store", store);
        assertEquals(0, check.exitCode(), check.err());
        assertTrue(check.out().lines().anyMatch(l -> l.matches("runs +2 rows")), check.out());
        assertTrue(check.out().contains("schema   version 1"), check.out());
        assertTrue(check.out().strip().endsWith("ok"), check.out());
    }

    @Test
    void aDamagedStoreIsRefusedByEveryCommandAndLeftAsItWas() throws Exception {
        byte[] whole = Files.readAllBytes(data);
        byte[] half = Arrays.copyOf(whole, 3 * 4096); // H2's headers only: every chunk cut off
        Files.write(data, half);

        for (String[] args : new String[][] {
            {"runs", "list", "--store", store},
            {
                "train",
                "--config",
                runs.config().toString(),
                "--store",
                store,
                "--model-dir",
                dir.resolve("m3").toString()
            },
            {"store", "check", "--store", store},
            {"store", "backup", "--store", store, "--out", dir.resolve("b.zip").toString()},
        }) {
            CliRun run = CliRun.e4j(args);
            assertEquals(1, run.exitCode(), String.join(" ", args) + ": " + run.out() + run.err());
            assertEquals(1, run.errLines().size(), run.err());
            String line = run.errLines().get(0);
            assertTrue(line.contains("the experiment store " + data + " is damaged"), line);
            assertTrue(line.contains("org.h2.tools.Recover -dir " + dir + " -db store"), line);
            assertFalse(line.contains("Exception"), line);
            assertArrayEquals(half, Files.readAllBytes(data), String.join(" ", args) + " wrote into the store");
        }
        assertFalse(Files.exists(dir.resolve("b.zip")));
    }

    @Test
    void backupWritesAZipOnceAndRefusesToOverwriteIt() throws Exception {
        Path zip = dir.resolve("backup.zip");
        CliRun backup = CliRun.e4j("store", "backup", "--store", store, "--out", zip.toString());
        assertEquals(0, backup.exitCode(), backup.err());
        assertTrue(backup.out().contains("to " + zip), backup.out());
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertTrue(z.getEntry("store.mv.db") != null);
        }
        CliRun again = CliRun.e4j("store", "backup", "--store", store, "--out", zip.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("the backup file " + zip + " exists"), again.err());
    }
}
