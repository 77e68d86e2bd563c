package org.estimator4j.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.estimator4j.cli.CapturedConsole;
import org.estimator4j.cli.CliRun;
import org.estimator4j.cli.runs.TrainedRuns;
import org.estimator4j.cli.store.ExperimentStoreOpener;
import org.estimator4j.cli.store.StoreOpener;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.StoreCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test replaces one module of the production wiring, and {@code e4j} runs with it end to end. */
class ModuleSwapTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FIXED = Instant.parse("2001-02-03T04:05:06Z");

    @TempDir
    Path dir;

    @Test
    void aFixedClockIsTheRecordedStartOfARunThatETrainRecords() throws IOException {
        TrainedRuns runs = new TrainedRuns(dir);
        String store = dir.resolve("store").toString();
        CliRun train = CliRun.e4j(
                binder -> binder.bind(Clock.class).toInstance(Clock.fixed(FIXED, ZoneOffset.UTC)),
                "train",
                "--config",
                runs.config().toString(),
                "--store",
                store,
                "--no-eval",
                "--format",
                "json");
        assertEquals(0, train.exitCode(), train.err());
        String runId = JSON.readTree(train.out()).get("run_id").asText();

        try (ExperimentStore opened =
                ExperimentStore.builder(store).readOnly(true).open()) {
            assertEquals(FIXED.toEpochMilli(), opened.getRun(runId).info().startMs());
        }
        // and e4j runs show, on the production clock, reads that time back
        CliRun show = CliRun.e4j("runs", "show", runId, "--store", store, "--format", "json");
        assertEquals(0, show.exitCode(), show.err());
        assertEquals(
                FIXED.toEpochMilli(),
                JSON.readTree(show.out()).get("start_time").asLong(),
                show.out());
    }

    @Test
    void aConsoleOfTheTestsOwnGetsTheCommandsOutputAndErrors() {
        CapturedConsole console = new CapturedConsole();
        CliRun version = CliRun.e4j(console.module(), "--version");
        assertEquals(0, version.exitCode());
        assertTrue(console.out().startsWith("e4j "), console.out());
        assertEquals("", version.out(), "the harness's own console was replaced");

        CliRun unknown = CliRun.e4j(console.module(), "no-such-command");
        assertEquals(2, unknown.exitCode());
        assertTrue(console.err().contains("no-such-command"), console.err());
    }

    @Test
    void anotherStoreOpenerIsWhatTheCommandsOpenTheStoreWith() throws IOException {
        TrainedRuns runs = new TrainedRuns(dir);
        String store = dir.resolve("store").toString();
        runs.train(store, "model");
        List<String> opened = new ArrayList<>();
        StoreOpener real = new ExperimentStoreOpener(Clock.systemUTC());
        StoreOpener recording = new StoreOpener() {
            @Override
            public ExperimentStore open(String location, boolean readOnly) {
                opened.add((readOnly ? "read " : "write ") + location);
                return real.open(location, readOnly);
            }

            @Override
            public StoreCheck check(String location) {
                opened.add("check " + location);
                return real.check(location);
            }
        };
        CliRun list = CliRun.e4j(
                binder -> binder.bind(StoreOpener.class).toInstance(recording),
                "runs",
                "list",
                "--store",
                store,
                "--read-only");
        assertEquals(0, list.exitCode(), list.err());
        CliRun check = CliRun.e4j(
                binder -> binder.bind(StoreOpener.class).toInstance(recording), "store", "check", "--store", store);
        assertEquals(0, check.exitCode(), check.err());
        assertEquals(2, opened.size(), opened.toString());
        assertTrue(opened.get(0).startsWith("read ") && opened.get(0).contains(store), opened.toString());
        assertTrue(opened.get(1).startsWith("check ") && opened.get(1).contains(store), opened.toString());
    }

    @Test
    void stdinComesFromTheConsoleModule() throws IOException {
        TrainedRuns runs = new TrainedRuns(dir);
        CliRun train = CliRun.trainWithoutEval(runs.config(), "run_config.model_dir=\"" + dir.resolve("m") + "\"");
        assertEquals(0, train.exitCode(), train.err());
        CapturedConsole console = new CapturedConsole("color,size\nred,0.1\nblue,1.9\ngreen,0.3\n");
        CliRun predict = CliRun.e4j(
                console,
                Modules.EMPTY_MODULE,
                "predict",
                "--config",
                runs.config().toString(),
                "--model-dir",
                dir.resolve("m").toString(),
                "--input",
                "-");
        assertEquals(0, predict.exitCode(), predict.err());
        List<String> lines = predict.out().lines().toList();
        assertEquals(3, lines.size(), predict.out());
        for (String line : lines) {
            JsonNode prediction = JSON.readTree(line);
            assertTrue(prediction.has("classes"), line);
        }
    }
}
