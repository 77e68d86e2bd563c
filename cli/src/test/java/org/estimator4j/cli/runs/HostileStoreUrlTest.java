package org.estimator4j.cli.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, point 1: a shared config whose {@code store} is an H2 URL with {@code INIT} would run SQL (here: write a
 * file) as whoever trains it. {@code e4j train} and {@code e4j runs} refuse it in one line naming the setting and
 * where the URL came from; nothing runs.
 */
class HostileStoreUrlTest {
    @TempDir
    Path dir;

    private String hostileUrl(Path marker) {
        return "jdbc:h2:file:" + dir.resolve("s") + ";INIT=CALL FILE_WRITE('owned', '" + marker + "')";
    }

    @Test
    void trainRefusesAConfigWhoseStoreRunsSql() throws Exception {
        TrainedRuns runs = new TrainedRuns(dir);
        Path marker = dir.resolve("marker");
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(runs.config().toFile());
        config.put("store", hostileUrl(marker));
        json.writeValue(runs.config().toFile(), config);

        CliRun train = CliRun.e4j(
                "train",
                "--config",
                runs.config().toString(),
                "--model-dir",
                dir.resolve("m").toString());

        assertNotEquals(0, train.exitCode());
        assertFalse(Files.exists(marker), "INIT ran: " + train.err());
        assertEquals(1, train.errLines().size(), train.err());
        String line = train.errLines().get(0);
        assertTrue(line.startsWith("e4j train failed: the config's 'store': the store URL jdbc:h2:file:"), line);
        assertTrue(line.contains("has the setting INIT, which is not allowed"), line);
        assertTrue(line.contains("; remove INIT from the store URL"), line);
        assertFalse(line.contains("Exception"), line);
        assertFalse(Files.exists(dir.resolve("s.mv.db")));
    }

    @Test
    void runsListRefusesAStoreFlagThatRunsSql() {
        Path marker = dir.resolve("marker");
        CliRun list = CliRun.e4j("runs", "list", "--store", hostileUrl(marker));
        assertNotEquals(0, list.exitCode());
        assertFalse(Files.exists(marker));
        assertEquals(1, list.errLines().size(), list.err());
        assertTrue(list.errLines().get(0).startsWith("e4j runs list failed: --store: the store URL"), list.err());
        assertTrue(list.errLines().get(0).contains("INIT"), list.err());
    }
}
