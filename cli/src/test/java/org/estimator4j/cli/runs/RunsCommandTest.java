package org.estimator4j.cli.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.estimator4j.api.tracking.RunStatus;
import org.estimator4j.cli.CliRun;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.TrackedRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code e4j runs ...} and {@code e4j experiments list} on a real H2 store, recorded through the store's own API:
 *
 * <pre>
 * run     experiment name        optimizer lr   auc (history)        loss      team
 * linear  census     linear      ftrl      0.2  0.80, 0.85, 0.86     0.5, 0.4  risk
 * dnn     census     dnn         adam      0.2  0.84, 0.88           0.3       risk
 * ctr     ctr        ctr-linear  ftrl      -    0.70                 -         -     FAILED
 * </pre>
 */
class RunsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    String store;
    String linear;
    String dnn;
    String ctr;

    @BeforeEach
    void record() throws InterruptedException {
        store = dir.resolve("store").toString();
        try (ExperimentStore s = ExperimentStore.open(store)) {
            linear = record(
                    s,
                    "census",
                    "linear",
                    run -> {
                        run.logParam("optimizer", "ftrl");
                        run.logParam("lr", "0.2");
                        run.logMetric("auc", 0.80, 0);
                        run.logMetric("auc", 0.85, 100);
                        run.logMetric("auc", 0.86, 200);
                        run.logMetric("loss", 0.5, 100);
                        run.logMetric("loss", 0.4, 200);
                        run.setTag("team", "risk");
                    },
                    RunStatus.FINISHED);
            dnn = record(
                    s,
                    "census",
                    "dnn",
                    run -> {
                        run.logParam("optimizer", "adam");
                        run.logParam("lr", "0.2");
                        run.logMetric("auc", 0.84, 0);
                        run.logMetric("auc", 0.88, 100);
                        run.logMetric("loss", 0.3, 100);
                        run.setTag("team", "risk");
                    },
                    RunStatus.FINISHED);
            ctr = record(
                    s,
                    "ctr",
                    "ctr-linear",
                    run -> {
                        run.logParam("optimizer", "ftrl");
                        run.logMetric("auc", 0.70, 0);
                    },
                    RunStatus.FAILED);
        }
    }

    private static String record(
            ExperimentStore s,
            String experiment,
            String name,
            java.util.function.Consumer<TrackedRun> body,
            RunStatus status)
            throws InterruptedException {
        TrackedRun run = s.newRun(experiment).name(name).start();
        body.accept(run);
        run.end(status, status == RunStatus.FAILED ? "IllegalStateException: boom" : null);
        Thread.sleep(5); // distinct start times: newest first is then a fixed order
        return run.runId();
    }

    private CliRun e4j(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--store");
        all.add(store);
        return CliRun.e4j(all.toArray(String[]::new));
    }

    private static List<String> ids(JsonNode runs) {
        List<String> ids = new ArrayList<>();
        runs.forEach(r -> ids.add(r.get("run_id").asText()));
        return ids;
    }

    @Test
    void listShowsRunsNewestFirst() {
        CliRun r = e4j("runs", "list");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("RUN ID"), r.out());
        assertTrue(lines.get(1).startsWith(ctr) && lines.get(1).contains("FAILED"), r.out());
        assertTrue(lines.get(2).startsWith(dnn) && lines.get(2).contains("FINISHED"), r.out());
        assertTrue(lines.get(3).startsWith(linear), r.out());
        assertEquals(4, lines.size(), r.out());
    }

    @Test
    void listOneExperimentAndPages() throws Exception {
        CliRun census = e4j("runs", "list", "--experiment", "census", "--format", "json");
        assertEquals(0, census.exitCode(), census.err());
        assertEquals(List.of(dnn, linear), ids(JSON.readTree(census.out()).get("runs")));

        CliRun first = e4j("runs", "list", "--limit", "2");
        assertEquals(0, first.exitCode(), first.err());
        String last = first.out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("more runs: add --page-token "), first.out());
        CliRun second = e4j("runs", "list", "--limit", "2", "--page-token", last.substring(last.lastIndexOf(' ') + 1));
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains(linear) && !second.out().contains("more runs"), second.out());

        CliRun unknown = e4j("runs", "list", "--experiment", "nope");
        assertEquals(1, unknown.exitCode());
        assertTrue(
                unknown.err()
                        .contains("there is no experiment named 'nope'; list them with e4j experiments list"
                                + " (census, ctr)"),
                unknown.err());
    }

    @Test
    void searchWithOrParenthesesAndSortKeys() throws Exception {
        CliRun r = e4j(
                "runs",
                "search",
                "(metrics.auc > 0.86 OR params.optimizer = 'adam') AND tags.team = 'risk'"
                        + " OR attributes.status = 'FAILED'",
                "--order-by",
                "metrics.auc DESC",
                "--format",
                "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode runs = JSON.readTree(r.out()).get("runs");
        assertEquals(List.of(dnn, ctr), ids(runs));
        assertEquals(0.88, runs.get(0).get("metrics").get("auc").asDouble());
        assertEquals("adam", runs.get(0).get("params").get("optimizer").asText());
        assertTrue(JSON.readTree(r.out()).get("next_page_token").isNull());

        CliRun table = e4j(
                "runs", "search", "metrics.auc >= 0.86", "--order-by", "params.lr", "--order-by", "metrics.auc ASC");
        assertEquals(0, table.exitCode(), table.err());
        List<String> lines = table.out().lines().toList();
        assertTrue(
                lines.get(0)
                        .matches("RUN ID +EXPERIMENT +NAME +STATUS +STARTED \\(UTC\\) +DURATION +params\\.lr"
                                + " +metrics\\.auc"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith(linear) && lines.get(1).endsWith("0.2        0.86"), table.out());
        assertTrue(lines.get(2).startsWith(dnn) && lines.get(2).endsWith("0.2        0.88"), table.out());

        CliRun none = e4j("runs", "search", "metrics.auc > 2");
        assertEquals(0, none.exitCode(), none.err());
        assertEquals("no runs match", none.out().strip());
    }

    @Test
    void aFilterMistakeIsAUsageErrorWithACaret() {
        CliRun r = e4j("runs", "search", "metrics.auc > 0.8 AND params.optimizer = adam");
        assertEquals(2, r.exitCode(), r.out());
        List<String> lines = r.errLines();
        assertTrue(lines.get(0).startsWith("e4j runs search: filter error at column 42: expected a value"), r.err());
        assertEquals("  metrics.auc > 0.8 AND params.optimizer = adam", lines.get(1));
        assertEquals("  " + " ".repeat(41) + "^", lines.get(2));

        CliRun sort = e4j("runs", "search", "", "--order-by", "metrics.auc DOWN");
        assertEquals(2, sort.exitCode());
        assertTrue(sort.err().contains("expected ASC, DESC"), sort.err());
        CliRun token = e4j("runs", "search", "", "--page-token", "bogus");
        assertEquals(2, token.exitCode());
        assertTrue(token.err().contains("is not a page token"), token.err());
        CliRun limit = e4j("runs", "list", "--limit", "0");
        assertEquals(2, limit.exitCode());
        assertTrue(limit.err().contains("the limit is 1 to 50000 runs"), limit.err());
    }

    @Test
    void csvHasAColumnPerMetricParamAndTag() {
        CliRun r = e4j("runs", "list", "--format", "csv", "--experiment", "census");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(
                "run_id,experiment,name,status,start_time,end_time,deleted,metrics.auc,metrics.loss,params.lr,"
                        + "params.optimizer,tags.team",
                lines.get(0));
        assertTrue(lines.get(1).startsWith(dnn + ",census,dnn,FINISHED,"), r.out());
        assertTrue(lines.get(1).endsWith(",false,0.88,0.3,0.2,adam,risk"), r.out());
    }

    @Test
    void showEverythingAboutOneRunByIdPrefix() throws Exception {
        CliRun r = e4j("runs", "show", ctr.substring(0, 10));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("run         " + ctr), r.out());
        assertTrue(r.out().contains("status      FAILED"), r.out());
        assertTrue(r.out().contains("params\n  optimizer  ftrl"), r.out());
        assertTrue(r.out().contains("metrics (latest)\n  auc  0.7  step 0"), r.out());
        assertTrue(r.out().contains("failure\n  IllegalStateException: boom"), r.out());

        JsonNode json =
                JSON.readTree(e4j("runs", "show", linear, "--format", "json").out());
        assertEquals("linear", json.get("name").asText());
        assertEquals(0.86, json.get("metrics").get("auc").get("value").asDouble());
        assertEquals(200, json.get("metrics").get("auc").get("step").asLong());
    }

    @Test
    void anUnknownRunIdIsExitOneWithAHint() {
        CliRun r = e4j("runs", "show", "ffffffffffff");
        assertEquals(1, r.exitCode());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(
                r.err().startsWith("e4j runs show failed: no run has the id 'ffffffffffff' in jdbc:h2:file:"), r.err());
        assertTrue(r.err().strip().endsWith("; list run ids with e4j runs list"), r.err());
        for (String[] command : new String[][] {
            {"runs", "metrics", "nope", "auc"},
            {"runs", "delete", "nope"},
            {"runs", "restore", "nope"},
            {"runs", "plot", "nope", "auc"},
            {"runs", "compare", linear, "nope"}
        }) {
            CliRun other = e4j(command);
            assertEquals(1, other.exitCode(), String.join(" ", command));
            assertTrue(other.err().contains("no run has the id 'nope'"), other.err());
        }
    }

    @Test
    void compareMarksTheRowsThatDiffer() throws Exception {
        CliRun r = e4j("runs", "compare", linear, dnn);
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches(" +KEY +" + linear.substring(0, 8) + " +" + dnn.substring(0, 8)), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\* +params\\.optimizer +ftrl +adam")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches(" +params\\.lr +0\\.2 +0\\.2")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\* +metrics\\.auc +0\\.86 +0\\.88")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches(" +experiment +census +census")), r.out());
        assertFalse(r.out().contains("\u001b["), "no ANSI when stdout is not a terminal");

        CliRun bold = e4j("runs", "compare", linear, dnn, ctr, "--color", "always");
        assertTrue(bold.out().lines().anyMatch(l -> l.startsWith("\u001b[1m*") && l.endsWith("\u001b[0m")), bold.out());
        assertTrue(
                bold.out()
                        .lines()
                        .anyMatch(l -> l.matches("\\* +params\\.lr +0\\.2 +0\\.2 +-") || l.contains("params.lr")),
                bold.out());

        CliRun diff = e4j("runs", "compare", linear, dnn, "--only-differences", "--format", "csv");
        assertEquals(
                "key,differs," + linear + "," + dnn,
                diff.out().lines().findFirst().orElseThrow());
        assertTrue(diff.out().contains("params.optimizer,true,ftrl,adam"), diff.out());
        assertFalse(diff.out().contains("params.lr"), diff.out());

        JsonNode json = JSON.readTree(
                e4j("runs", "compare", linear, ctr, "--format", "json").out());
        assertEquals(
                List.of(linear, ctr),
                List.of(
                        json.get("runs").get(0).asText(),
                        json.get("runs").get(1).asText()));
    }

    @Test
    void metricHistory() throws Exception {
        CliRun r = e4j("runs", "metrics", linear, "auc");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(1).startsWith("0     0.8    "), r.out());
        assertTrue(lines.get(3).startsWith("200   0.86   "), r.out());
        JsonNode json = JSON.readTree(
                e4j("runs", "metrics", linear, "loss", "--format", "json").out());
        assertEquals(2, json.get("points").size());
        assertEquals(
                "step,value,time",
                e4j("runs", "metrics", linear, "loss", "--format", "csv")
                        .out()
                        .lines()
                        .findFirst()
                        .orElseThrow());

        CliRun unknown = e4j("runs", "metrics", linear, "accuracy");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("has no metric 'accuracy'; its metrics: auc, loss"), unknown.err());
    }

    @Test
    void plotWritesAPngLineChart() throws Exception {
        Path png = dir.resolve("auc.png");
        CliRun r = e4j("runs", "plot", linear, "auc", "loss", "--out", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(
                "wrote " + png + ": auc (3 points) loss (2 points)", r.out().strip());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(MetricChart.WIDTH, image.getWidth());
        assertEquals(MetricChart.HEIGHT, image.getHeight());

        CliRun missingFolder = e4j(
                "runs",
                "plot",
                linear,
                "auc",
                "--out",
                dir.resolve("no/such/x.png").toString());
        assertEquals(1, missingFolder.exitCode());
        assertTrue(missingFolder.err().contains("does not exist"), missingFolder.err());
        assertEquals(
                "3f2a9c1d-loss-val_auc.png", RunsPlotCommand.defaultName("3f2a9c1d0000", List.of("loss", "val/auc")));
    }

    @Test
    void deleteHidesARunAndRestoreBringsItBack() {
        CliRun delete = e4j("runs", "delete", dnn);
        assertEquals(0, delete.exitCode(), delete.err());
        assertTrue(delete.out().startsWith("deleted run " + dnn + " (dnn); e4j runs restore"), delete.out());
        assertFalse(e4j("runs", "list").out().contains(dnn));
        assertTrue(e4j("runs", "list", "--deleted").out().contains(dnn + "  census      dnn"));
        assertTrue(e4j("runs", "list", "--all").out().contains("FINISHED (deleted)"));
        assertTrue(e4j("runs", "delete", dnn).out().contains("was already deleted"));

        CliRun restore = e4j("runs", "restore", dnn, "--format", "json");
        assertEquals(0, restore.exitCode(), restore.err());
        assertTrue(restore.out().contains("\"changed\" : true"), restore.out());
        assertTrue(e4j("runs", "list").out().contains(dnn));
    }

    @Test
    void experimentsList() throws Exception {
        CliRun r = e4j("experiments", "list");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("NAME    ID  RUNS  DELETED  CREATED (UTC)"), r.out());
        assertTrue(lines.get(1).matches("census +\\d+ +2 +0 .*"), r.out());
        assertTrue(lines.get(2).matches("ctr +\\d+ +1 +0 .*"), r.out());
        JsonNode json =
                JSON.readTree(e4j("experiments", "list", "--format", "json").out());
        assertEquals(2, json.get(0).get("runs").asInt());
    }

    @Test
    void aMissingStoreIsNotCreatedByReading() {
        Path missing = dir.resolve("typo");
        CliRun r = CliRun.e4j("runs", "list", "--store", missing.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("there is no experiment store at " + missing.toAbsolutePath() + ".mv.db"), r.err());
        assertTrue(r.err().contains("e4j train records runs there"), r.err());
        assertFalse(Files.exists(dir.resolve("typo.mv.db")));
    }
}
