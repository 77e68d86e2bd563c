package org.estimator4j.api.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigTest {
    @Test
    void checkpointsEvery600SecondsByDefaultAsTensorFlow(@TempDir Path dir) {
        RunConfig config = RunConfig.builder().modelDir(dir).build();

        assertEquals(OptionalLong.empty(), config.saveCheckpointsSteps());
        assertEquals(OptionalLong.of(600), config.saveCheckpointsSecs());
    }

    @Test
    void checkpointingBySteps_stopsCheckpointingByTime(@TempDir Path dir) {
        RunConfig config =
                RunConfig.builder().modelDir(dir).saveCheckpointsSteps(7).build();

        assertEquals(OptionalLong.of(7), config.saveCheckpointsSteps());
        assertEquals(OptionalLong.empty(), config.saveCheckpointsSecs());
        assertEquals(config.saveCheckpointsSteps(), config.toBuilder().build().saveCheckpointsSteps());
    }
}
