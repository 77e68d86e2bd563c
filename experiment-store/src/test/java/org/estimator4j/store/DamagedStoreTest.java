package org.estimator4j.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, point 7: a damaged H2 store is refused, never "opened" as empty and recreated; its bytes stay as they
 * were; the refusal names the file and how to recover, and comes at once (no 30 s of retries).
 */
class DamagedStoreTest {
    /** Far below the 30 s the opening retries used to spend on a damaged file. */
    private static final long FAST_MS = 15_000;

    @TempDir
    Path dir;

    Path base;
    Path data;

    /**
     * Records the store in a JVM of its own: once this JVM has opened a database, H2 keeps serving it from memory
     * for a while after it is closed, whatever the file on disk then holds (which another process never sees).
     */
    @BeforeEach
    void recordRuns() throws Exception {
        base = dir.resolve("store");
        data = dir.resolve("store.mv.db");
        Process p = Jvm.start(dir.resolve("fill.log"), "fill", base.toString(), "census");
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the child hung");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("fill.log")));
    }

    /** Cut off after H2's two file headers: every chunk gone. */
    @Test
    void aStoreCutOffAfterItsHeadersIsRefusedUnchanged() throws Exception {
        byte[] whole = Files.readAllBytes(data);
        Files.write(data, Arrays.copyOf(whole, 3 * 4096));
        assertRefusedUnchanged("is damaged: ");
    }

    /** Everything after the two file headers overwritten. */
    @Test
    void aStoreOverwrittenAfterItsHeadersIsRefusedUnchanged() throws Exception {
        byte[] bytes = Files.readAllBytes(data);
        Arrays.fill(bytes, 2 * 4096, bytes.length, (byte) 0x5a);
        Files.write(data, bytes);
        assertRefusedUnchanged("is damaged: ");
    }

    /**
     * Cut in half, or three quarters overwritten: what that hits (H2 reuses free space anywhere in the file, so live
     * and dead chunks mix) decides whether the store is still whole or damaged. Either it opens with every run and
     * point, or it is refused: never opened with runs gone (H2 used to open a half-truncated store as an empty one).
     */
    @Test
    void aHalfTruncatedStoreNeverOpensWithRunsMissing() throws Exception {
        byte[] whole = Files.readAllBytes(data);
        Files.write(data, Arrays.copyOf(whole, whole.length / 2));
        assertWholeOrRefused();
    }

    @Test
    void aStoreWithItsLastThreeQuartersOverwrittenNeverOpensWithRunsMissing() throws Exception {
        byte[] bytes = Files.readAllBytes(data);
        Arrays.fill(bytes, bytes.length / 4, bytes.length, (byte) 0x5a);
        Files.write(data, bytes);
        assertWholeOrRefused();
    }

    /**
     * Only the footer of the newest chunk overwritten (its start intact): H2 would pass over that chunk and open an
     * older one, with the runs recorded since gone. Refused instead.
     */
    @Test
    void aStoreWhoseNewestChunkLostItsEndIsRefusedUnchanged() throws Exception {
        byte[] bytes = Files.readAllBytes(data);
        java.util.Map<String, String> header = fields(bytes, 0);
        assertEquals("1", header.get("clean"), "the child closed the store: " + header);
        int blockSize = Integer.parseInt(header.get("blockSize"), 16);
        int start = Integer.parseInt(header.get("block"), 16) * blockSize;
        int end = start + Integer.parseInt(fields(bytes, start).get("len"), 16) * blockSize;
        Arrays.fill(bytes, end - 128, end, (byte) 0x5a);
        Files.write(data, bytes);
        assertRefusedUnchanged("the end of its newest chunk");
    }

    /** H2's {@code key:value,...} line at {@code offset} (its file header, or a chunk's header). */
    private static java.util.Map<String, String> fields(byte[] bytes, int offset) {
        String line = new String(bytes, offset, 512, java.nio.charset.StandardCharsets.ISO_8859_1).split("\n")[0];
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : line.split(",")) {
            String[] kv = pair.split(":", 2);
            if (kv.length == 2) {
                fields.put(kv[0], kv[1].strip());
            }
        }
        return fields;
    }

    private void assertWholeOrRefused() {
        try (ExperimentStore store = ExperimentStore.open(base.toString())) {
            List<RunInfo> runs = store.listRuns("census", false);
            assertEquals(20, runs.size());
            for (RunInfo run : runs) {
                assertEquals(500, store.metricHistory(run.runId(), "train_loss").size());
            }
        } catch (StoreException refused) {
            assertTrue(
                    refused.getMessage().startsWith("the experiment store " + data + " is damaged"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("org.h2.tools.Recover"), refused.getMessage());
        }
    }

    @Test
    void anH2FileWithoutTheSchemaIsNotTreatedAsANewStore() throws Exception {
        Path other = dir.resolve("other");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + other);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (id INT PRIMARY KEY)");
        }
        base = other;
        data = dir.resolve("other.mv.db");
        assertRefusedUnchanged("holds no Estimator4J schema");
    }

    private void assertRefusedUnchanged(String why) throws Exception {
        byte[] before = Files.readAllBytes(data);
        long start = System.nanoTime();
        StoreException e = assertThrows(StoreException.class, () -> ExperimentStore.open(base.toString()));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < FAST_MS, "took " + ms + " ms");
        assertTrue(e.getMessage().startsWith("the experiment store " + data + " is damaged"), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was written to it"), e.getMessage());
        assertTrue(
                e.getMessage().contains("org.h2.tools.Recover -dir " + dir + " -db " + base.getFileName()),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertArrayEquals(before, Files.readAllBytes(data), "the damaged file was written to");
        assertFalse(Files.exists(dir.resolve(base.getFileName() + ".lock.db")));

        // A second attempt (the old retries wrote on every one) changes nothing either; check reports it.
        assertThrows(StoreException.class, () -> ExperimentStore.open(base.toString()));
        StoreCheck check = ExperimentStore.check(base.toString());
        assertFalse(check.healthy(), check.toString());
        assertNotNull(check.recovery());
        assertArrayEquals(before, Files.readAllBytes(data), "the damaged file was written to");
    }

    @Test
    void checkCountsEveryTableOfAHealthyStore() {
        StoreCheck check = ExperimentStore.check(base.toString());
        assertTrue(check.healthy(), check.toString());
        assertEquals(1, check.schemaVersion());
        assertEquals(20L, check.rowCounts().get("runs"));
        assertEquals(20L * 500, check.rowCounts().get("metrics"));
        assertEquals(
                List.copyOf(StoreInspector.TABLES),
                List.copyOf(check.rowCounts().keySet()));
    }

    @Test
    void backupIsAZipOfAStoreThatOpensWithEveryRun() throws Exception {
        Path zip = dir.resolve("backup.zip");
        try (ExperimentStore store = ExperimentStore.open(base.toString())) {
            store.backup(zip);
            StoreException again = assertThrows(StoreException.class, () -> store.backup(zip));
            assertTrue(again.getMessage().contains("exists"), again.getMessage());
        }
        Path restored = Files.createDirectory(dir.resolve("restored"));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            var entry = z.getEntry("store.mv.db");
            assertNotNull(entry, "entries: " + z.stream().map(Object::toString).toList());
            try (var in = z.getInputStream(entry)) {
                Files.copy(in, restored.resolve("store.mv.db"));
            }
        }
        try (ExperimentStore copy =
                ExperimentStore.open(restored.resolve("store").toString())) {
            assertEquals(20, copy.listRuns("census", false).size());
            assertEquals(
                    500,
                    copy.metricHistory(copy.listRuns("census", false).get(0).runId(), "train_loss")
                            .size());
        }
    }
}
