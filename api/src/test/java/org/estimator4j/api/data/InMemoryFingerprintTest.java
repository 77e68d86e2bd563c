package org.estimator4j.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryFingerprintTest {
    @TempDir
    Path dir;

    @Test
    void inMemorySourcesAreFingerprintedByContent() {
        assertEquals(Dataset.of(1, 2, 3).fingerprint(), Dataset.of(1, 2, 3).fingerprint());
        assertNotEquals(Dataset.of(1, 2, 3).fingerprint(), Dataset.of(1, 2, 4).fingerprint());
        assertNotEquals(
                Dataset.fromColumns(Map.of("x", new long[] {1, 2})).fingerprint(),
                Dataset.fromColumns(Map.of("x", new long[] {1, 3})).fingerprint());
    }

    @Test
    void aFileCacheOfInMemoryDataIsRebuiltWhenTheDataChanges() {
        Path cache = dir.resolve("c.bin");
        assertEquals(List.of(1, 2), Dataset.of(1, 2).cache(cache).toList());
        assertEquals(List.of(1, 2), Dataset.of(1, 2).cache(cache).toList());
        assertEquals(List.of(5, 6, 7), Dataset.of(5, 6, 7).cache(cache).toList(), "a later run with other data");
    }
}
