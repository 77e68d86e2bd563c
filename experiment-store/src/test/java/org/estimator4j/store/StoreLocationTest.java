package org.estimator4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreLocationTest {
    /** What H2 file URLs get: shared by processes, no compaction at close. */
    static final String H2 = ";AUTO_SERVER=TRUE;MAX_COMPACT_TIME=0";

    @Test
    void flagThenConfigThenEnvironmentThenDefault() {
        Map<String, String> env = Map.of(StoreLocation.ENV, "/env/store");
        assertEquals("jdbc:h2:file:/flag/s" + H2, StoreLocation.resolve("/flag/s", "/config/s", env));
        assertEquals("jdbc:h2:file:/config/s" + H2, StoreLocation.resolve(null, "/config/s", env));
        assertEquals("jdbc:h2:file:/env/store" + H2, StoreLocation.resolve(null, null, env));
        assertEquals(StoreLocation.defaultUrl(), StoreLocation.resolve(null, " ", Map.of()));
        assertTrue(StoreLocation.defaultUrl()
                .startsWith(
                        "jdbc:h2:file:" + Path.of(System.getProperty("user.home"), ".estimator4j", "store", "e4j")));
    }

    @Test
    void urlsAreKeptAndH2FilesShared() {
        String pg = "jdbc:postgresql://db:5432/e4j?user=me";
        assertEquals(pg, StoreLocation.normalize(pg));
        assertEquals("jdbc:h2:file:/x/s" + H2, StoreLocation.normalize("jdbc:h2:file:/x/s"));
        assertEquals(
                "jdbc:h2:file:/x/s;AUTO_SERVER=FALSE;MAX_COMPACT_TIME=0",
                StoreLocation.normalize("jdbc:h2:file:/x/s;AUTO_SERVER=FALSE"));
        assertEquals("jdbc:h2:mem:t", StoreLocation.normalize("jdbc:h2:mem:t"));
        assertEquals("jdbc:h2:file:/x/s" + H2, StoreLocation.normalize("/x/s.mv.db"));
        StoreException e = assertThrows(StoreException.class, () -> StoreLocation.normalize("jdbc:mysql://x/y"));
        assertTrue(e.getMessage().contains("jdbc:postgresql://"), e.getMessage());
        assertEquals(
                "jdbc:postgresql://h/d?user=u&password=***",
                StoreLocation.redact("jdbc:postgresql://h/d?user=u&password=hunter2"));
    }
}
