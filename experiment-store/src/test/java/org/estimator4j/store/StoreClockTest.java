package org.estimator4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.estimator4j.api.tracking.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder's clock stamps when experiments are created and runs start. */
class StoreClockTest {
    private static final Instant FIXED = Instant.parse("2001-02-03T04:05:06.789Z");

    @TempDir
    Path dir;

    @Test
    void aFixedClockStampsTheExperimentAndTheRunStart() {
        try (ExperimentStore store = ExperimentStore.builder(
                        dir.resolve("store").toString())
                .clock(Clock.fixed(FIXED, ZoneOffset.UTC))
                .open()) {
            TrackedRun run = store.startRun("clocked");
            run.end(RunStatus.FINISHED, null);
            assertEquals(FIXED.toEpochMilli(), store.getRun(run.runId()).info().startMs());
            assertEquals(
                    FIXED.toEpochMilli(),
                    store.findExperiment("clocked").orElseThrow().createdMs());
        }
    }
}
