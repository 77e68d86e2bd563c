package org.estimator4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening creates the schema, and refuses one written by a newer Estimator4J. */
class SchemaVersionTest {
    @TempDir
    Path dir;

    @Test
    void aNewStoreGetsTheCurrentSchema() throws Exception {
        try (ExperimentStore store = ExperimentStore.open(dir.resolve("s").toString());
                Connection c = store.connect();
                Statement s = c.createStatement()) {
            assertEquals(1, store.schemaVersion());
            for (String table : new String[] {
                "experiments", "runs", "params", "metrics", "latest_metrics", "tags", "artifacts", "provenance"
            }) {
                s.executeQuery("SELECT COUNT(*) FROM " + table).close();
            }
        }
    }

    @Test
    void aSchemaNewerThanThisBuildIsRefusedNamingBothVersions() throws Exception {
        String url = dir.resolve("s").toString();
        try (ExperimentStore store = ExperimentStore.open(url);
                Connection c = store.connect();
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"version\" = '99', "
                    + "\"description\" = 'from the future' WHERE \"version\" = '1'");
        }
        StoreException e = assertThrows(StoreException.class, () -> ExperimentStore.open(url));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
        assertTrue(e.getMessage().contains("newer than version 1"), e.getMessage());
        assertTrue(e.getMessage().contains("Upgrade Estimator4J"), e.getMessage());
    }

    @Test
    void anUnreachableStoreSaysWhatToDo() {
        StoreException e = assertThrows(
                StoreException.class,
                () -> ExperimentStore.open(
                        "jdbc:postgresql://localhost:1/nothing?user=x&password=secret" + "&connectTimeout=1"));
        assertTrue(e.getMessage().contains("--no-store"), e.getMessage());
        assertTrue(e.getMessage().contains("password=***"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), e.getMessage());
    }
}
