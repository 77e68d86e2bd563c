package org.estimator4j.cli.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, point 19: runs recorded by {@code e4j train} have no name (nor parent, nor failure); every {@code e4j runs}
 * command shows them, in every format (show used to throw NullPointerException on the null name).
 */
class UnnamedRunsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static String store;
    static String first;
    static String second;

    @BeforeAll
    static void train() throws Exception {
        store = dir.resolve("store").toString();
        TrainedRuns runs = new TrainedRuns(dir);
        first = runs.train(store, "m1");
        second = runs.train(store, "m2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "csv", "json"})
    void showPrintsAnUnnamedRun(String format) {
        CliRun show = CliRun.e4j("runs", "show", first, "--store", store, "--format", format);
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains(first), show.out());
        assertTrue(show.out().contains("FINISHED"), show.out());
        assertTrue(show.out().contains("train_loss"), show.out());
    }

    @Test
    void showTableLeavesTheNameEmpty() {
        CliRun show = CliRun.e4j("runs", "show", first.substring(0, 10), "--store", store);
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().lines().anyMatch(l -> l.strip().equals("name")), show.out());
    }

    @Test
    void showJsonHasANullName() throws Exception {
        CliRun show = CliRun.e4j("runs", "show", first, "--store", store, "--format", "json");
        JsonNode run = JSON.readTree(show.out());
        assertTrue(run.get("name").isNull(), show.out());
        assertEquals("lite", run.get("experiment").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "csv", "json"})
    void listAndSearchFindUnnamedRuns(String format) {
        CliRun list = CliRun.e4j("runs", "list", "--store", store, "--format", format);
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains(first) && list.out().contains(second), list.out());
        CliRun search = CliRun.e4j(
                "runs",
                "search",
                "--store",
                store,
                "--format",
                format,
                "attributes.status = 'FINISHED' AND metrics.train_loss > 0");
        assertEquals(0, search.exitCode(), search.err());
        assertTrue(search.out().contains(first) && search.out().contains(second), search.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "csv", "json"})
    void compareAndMetricsWorkOnUnnamedRuns(String format) {
        CliRun compare = CliRun.e4j("runs", "compare", first, second, "--store", store, "--format", format);
        assertEquals(0, compare.exitCode(), compare.err());
        assertTrue(compare.out().contains("train_loss"), compare.out());
        CliRun metrics = CliRun.e4j("runs", "metrics", first, "train_loss", "--store", store, "--format", format);
        assertEquals(0, metrics.exitCode(), metrics.err());
        assertTrue(metrics.out().lines().count() >= 3, metrics.out());
    }
}
