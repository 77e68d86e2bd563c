package org.estimator4j.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, point 11: a failed migration attempt (what processes racing to create a new store see) is retried
 * quietly: Flyway's own ERROR lines and stack traces do not reach the log (SLF4J, Flyway at ERROR in
 * simplelogger.properties, printed to stderr); the store's one error message carries the cause.
 */
class QuietMigrationTest {
    @Test
    void failedMigrationAttemptsPrintNoFlywayErrors() throws Exception {
        String url = "jdbc:h2:mem:quiet-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        // A schema history at version 0 and a table the first migration creates: every attempt fails on it.
        org.flywaydb.core.Flyway.configure()
                .dataSource(url, "", "")
                .baselineVersion("0")
                .load()
                .baseline();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE experiments (x INT)");
        }
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StoreException e;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            e = assertThrows(StoreException.class, () -> ExperimentStore.open(url));
        } finally {
            System.setErr(err);
        }
        String stderr = captured.toString(StandardCharsets.UTF_8);
        assertFalse(stderr.contains("ERROR"), stderr);
        assertFalse(stderr.contains("\tat "), stderr);
        assertTrue(
                e.getMessage().startsWith("cannot create or upgrade the schema of the experiment store"),
                e.getMessage());
        assertTrue(e.getMessage().contains("migration to version 1"), e.getMessage());
    }
}
