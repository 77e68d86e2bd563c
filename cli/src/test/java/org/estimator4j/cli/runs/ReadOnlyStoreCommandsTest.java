package org.estimator4j.cli.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, point 8: every reading {@code e4j runs} command works on a store in a folder nobody may write (chmod
 * 555, file 444), and with {@code --read-only} leaves the file's bytes and time alone and creates no lock or trace
 * file. (Tests may run as root, who writes anyway: the {@code --read-only} runs are what proves nothing is written.)
 */
class ReadOnlyStoreCommandsTest {
    @TempDir
    Path dir;

    Path storeDir;
    String store;
    Path data;
    String first;
    String second;

    @BeforeEach
    void train() throws Exception {
        storeDir = Files.createDirectory(dir.resolve("shared"));
        store = storeDir.resolve("store").toString();
        data = storeDir.resolve("store.mv.db");
        TrainedRuns runs = new TrainedRuns(dir);
        first = runs.train(store, "m1");
        second = runs.train(store, "m2");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(storeDir, PosixFilePermissions.fromString("r-xr-xr-x"));
    }

    @AfterEach
    void writable() throws Exception {
        Files.setPosixFilePermissions(storeDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private List<String[]> readingCommands() {
        Path png = dir.resolve("loss-" + System.nanoTime() + ".png");
        return List.of(
                new String[] {"runs", "list"},
                new String[] {"runs", "search", "attributes.status = 'FINISHED'"},
                new String[] {"runs", "show", first},
                new String[] {"runs", "compare", first, second},
                new String[] {"runs", "metrics", first, "train_loss"},
                new String[] {"runs", "plot", first, "train_loss", "--out", png.toString()},
                new String[] {"experiments", "list"});
    }

    @Test
    void everyReadingCommandWorksInAReadOnlyFolder() {
        for (String[] command : readingCommands()) {
            CliRun run = run(command);
            assertEquals(0, run.exitCode(), String.join(" ", command) + ": " + run.err());
        }
    }

    @Test
    void readOnlyCommandsWriteNothing() throws Exception {
        byte[] bytes = Files.readAllBytes(data);
        FileTime mtime = Files.getLastModifiedTime(data);
        List<String> files = files();
        for (String[] command : readingCommands()) {
            List<String> args = new ArrayList<>(List.of(command));
            args.add("--read-only");
            CliRun run = run(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), args + ": " + run.err());
            assertEquals(files, files(), args + " left files behind");
        }
        assertArrayEquals(bytes, Files.readAllBytes(data));
        assertEquals(mtime, Files.getLastModifiedTime(data));

        CliRun list = run(new String[] {"runs", "list", "--read-only"});
        assertTrue(list.out().contains(first) && list.out().contains(second), list.out());
        CliRun delete = run(new String[] {"runs", "delete", first, "--read-only"});
        assertEquals(1, delete.exitCode());
        assertEquals(1, delete.errLines().size(), delete.err());
        assertTrue(delete.err().contains("cannot delete a run: the experiment store"), delete.err());
        assertTrue(delete.err().contains("is open read-only"), delete.err());
    }

    private CliRun run(String[] command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.add("--store");
        args.add(store);
        return CliRun.e4j(args.toArray(String[]::new));
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(storeDir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
