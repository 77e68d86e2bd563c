package org.estimator4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, point 11: processes that open a new store at the same moment race to create its schema; the losers
 * retry quietly. Four JVMs open one new H2 store at the same instant and close it at once (each exit takes down the
 * H2 server the others may be connected through, mid-migration: where Flyway used to print ERROR stack traces); each
 * succeeds, and their stderr (SLF4J with Flyway at ERROR, see simplelogger.properties) holds no error and no trace.
 */
class ConcurrentCreationTest {
    static final int PROCESSES = 4;
    static final int ROUNDS = 1;

    @TempDir
    Path dir;

    @Test
    void processesCreatingOneStoreAtOnceSucceedWithoutErrorOutput() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String url = dir.resolve("store-" + round).toString();
            long at = System.currentTimeMillis() + 2_500; // after every JVM has started
            List<Process> processes = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                Path log = dir.resolve("child-" + round + "-" + i + ".log");
                logs.add(log);
                processes.add(Jvm.start(log, "open", url, "-", Long.toString(at)));
            }
            for (int i = 0; i < PROCESSES; i++) {
                Process p = processes.get(i);
                assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a child hung");
                String stderr = Files.readString(logs.get(i));
                assertEquals(0, p.exitValue(), stderr);
                assertEquals("1", new String(p.getInputStream().readAllBytes()).strip(), stderr);
                assertFalse(stderr.contains("ERROR"), "round " + round + ", child " + i + ":\n" + stderr);
                assertFalse(stderr.contains("\tat "), "round " + round + ", child " + i + ":\n" + stderr);
            }
        }
    }
}
