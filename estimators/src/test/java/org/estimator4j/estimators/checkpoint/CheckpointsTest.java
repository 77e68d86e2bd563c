package org.estimator4j.estimators.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
    @TempDir
    Path dir;

    private static Map<String, float[]> vars(float x) {
        Map<String, float[]> m = new LinkedHashMap<>();
        m.put("linear/linear_model/a/weights", new float[] {x, x + 1, Float.NaN});
        m.put("linear/linear_model/bias_weights", new float[] {-x});
        return m;
    }

    @Test
    void savesAndRestoresTheLatestAndKeepsOnlyTheNewest() {
        Checkpoints c = new Checkpoints(dir, 2);
        c.save(10, vars(1));
        c.save(20, vars(2));
        c.save(30, vars(3));
        Checkpoints.Checkpoint latest = c.latest().orElseThrow();
        assertEquals(30, latest.globalStep());
        assertArrayEquals(
                vars(3).get("linear/linear_model/a/weights"), latest.variables().get("linear/linear_model/a/weights"));
        assertEquals(
                List.of("ckpt-20.e4j", "ckpt-30.e4j"),
                c.list().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void leavesNoPartialFilesAndOrdersStepsNumerically() throws IOException {
        Checkpoints c = new Checkpoints(dir, 5);
        c.save(9, vars(1));
        c.save(10, vars(2));
        assertEquals(10, c.latest().orElseThrow().globalStep());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".partial")));
        }
    }

    @Test
    void aDamagedCheckpointIsReportedWithWhatToDo() throws IOException {
        Checkpoints c = new Checkpoints(dir, 5);
        Path file = c.save(5, vars(1));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        IllegalStateException e = assertThrows(IllegalStateException.class, c::latest);
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("delete it"), e.getMessage());

        Files.write(file, java.util.Arrays.copyOf(bytes, 20));
        e = assertThrows(IllegalStateException.class, c::latest);
        assertTrue(e.getMessage().contains("ends early"), e.getMessage());
    }

    @Test
    void anEmptyDirectoryHasNoCheckpoint() {
        assertTrue(new Checkpoints(dir.resolve("none"), 5).latest().isEmpty());
    }
}
