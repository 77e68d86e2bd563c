package org.estimator4j.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.estimator4j.api.tracking.RunStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, point 8: a store opened read-only is read without writing a byte: no lock file, no trace file, the data
 * file's bytes and modification time as they were; writes are refused with a message, not attempted.
 */
class ReadOnlyStoreTest {
    @TempDir
    Path dir;

    Path base;
    Path data;
    String runId;

    @BeforeEach
    void record() {
        base = dir.resolve("store");
        data = dir.resolve("store.mv.db");
        try (ExperimentStore store = ExperimentStore.open(base.toString())) {
            TrackedRun run = store.newRun("census").start();
            for (int step = 0; step < 300; step++) {
                run.logMetric("train_loss", 1.0 / (step + 1), step);
            }
            run.end(RunStatus.FINISHED, null);
            runId = run.runId();
        }
    }

    @Test
    void readingWritesNothing() throws Exception {
        byte[] bytes = Files.readAllBytes(data);
        FileTime mtime = Files.getLastModifiedTime(data);
        List<String> files = files();

        try (ExperimentStore store =
                ExperimentStore.builder(base.toString()).readOnly(true).open()) {
            assertTrue(store.isReadOnly());
            assertEquals(files, files(), "no lock or trace file while open");
            assertEquals(1, store.listRuns("census", false).size());
            assertEquals(300, store.metricHistory(runId, "train_loss").size());
            assertEquals(RunStatus.FINISHED, store.getRun(runId).info().status());
            StoreException start = assertThrows(StoreException.class, () -> store.startRun("census"));
            assertTrue(start.getMessage().startsWith("cannot record a run: the experiment store "), start.getMessage());
            assertTrue(start.getMessage().contains("is open read-only"), start.getMessage());
            assertThrows(StoreException.class, () -> store.deleteRun(runId));
        }

        assertEquals(files, files());
        assertArrayEquals(bytes, Files.readAllBytes(data));
        assertEquals(mtime, Files.getLastModifiedTime(data));
    }

    @Test
    void aMissingStoreIsNotCreatedReadOnly() {
        StoreException e = assertThrows(
                StoreException.class,
                () -> ExperimentStore.builder(dir.resolve("nothing").toString())
                        .readOnly(true)
                        .open());
        assertTrue(
                e.getMessage().startsWith("there is no experiment store at " + dir.resolve("nothing.mv.db")),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("nothing.mv.db")));
    }

    @Test
    void aStoreInUseByAWriterIsReadThroughIt() {
        try (ExperimentStore writer = ExperimentStore.open(base.toString());
                ExperimentStore reader =
                        ExperimentStore.builder(base.toString()).readOnly(true).open()) {
            TrackedRun run = writer.startRun("census");
            run.end(RunStatus.FINISHED, null);
            assertEquals(2, reader.listRuns("census", false).size());
            assertThrows(StoreException.class, () -> reader.startRun("census"));
        }
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
