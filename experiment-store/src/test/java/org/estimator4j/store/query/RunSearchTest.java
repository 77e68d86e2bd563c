package org.estimator4j.store.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.estimator4j.store.EffectiveStatus;
import org.estimator4j.store.MetricPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches over six runs in two experiments, on a real H2 file. Subclasses run the same tests on other databases.
 *
 * <pre>
 * run  experiment name         status   start end   optimizer auc  others
 * r1   census     linear-a     FINISHED 1000  2000  adam      0.91 loss 0.3, team risk-eu
 * r2   census     linear-b     FINISHED 2000  3000  sgd       0.84 team Risk-us
 * r3   census     dnn          FAILED   3000  3500  adam      0.88 val/auc 0.86, team growth
 * r4   census     dnn-running  RUNNING  4000  -     adagrad   -    loss 0.5
 * r5   ctr        -            FINISHED 5000  6000  ftrl      0.75 team o'brien
 * r6   census     deleted      FINISHED 6000  7000  adam      0.99 (deleted)
 * </pre>
 */
class RunSearchTest {
    @TempDir
    Path dir;

    TestStore store;
    RunQueries queries;

    TestStore createStore() {
        return TestStore.h2(dir);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @BeforeEach
    void fill() {
        store = createStore();
        queries = store.queries();
        store.run("r1", "census")
                .name("linear-a")
                .times(1000, 2000L)
                .param("optimizer", "adam")
                .param("lr", "0.01")
                .metric("auc", 0.7, 0.91)
                .metric("loss", 0.6, 0.3)
                .tag("team", "risk-eu")
                .insert();
        store.run("r2", "census")
                .name("linear-b")
                .times(2000, 3000L)
                .param("optimizer", "sgd")
                .metric("auc", 0.84)
                .tag("team", "Risk-us")
                .insert();
        store.run("r3", "census")
                .name("dnn")
                .status("FAILED")
                .times(3000, 3500L)
                .failure("boom")
                .param("optimizer", "adam")
                .metric("auc", 0.88)
                .metric("val/auc", 0.86)
                .tag("team", "growth")
                .insert();
        store.run("r4", "census")
                .name("dnn-running")
                .status("RUNNING")
                .times(4000, null)
                .parent("r3")
                .param("optimizer", "adagrad")
                .metric("loss", 0.5)
                .insert();
        store.run("r5", "ctr")
                .times(5000, 6000L)
                .param("optimizer", "ftrl")
                .metric("auc", 0.75)
                .tag("team", "o'brien")
                .insert();
        store.run("r6", "census")
                .name("deleted")
                .times(6000, 7000L)
                .param("optimizer", "adam")
                .metric("auc", 0.99)
                .deleted()
                .insert();
    }

    private List<String> ids(String filter) {
        return ids(RunQuery.all().where(filter));
    }

    private List<String> ids(RunQuery query) {
        return queries.search(query).runs().stream().map(RunSummary::runId).toList();
    }

    @Test
    void newestFirstWithoutDeletedRuns() {
        assertEquals(List.of("r5", "r4", "r3", "r2", "r1"), ids(""));
    }

    @Test
    void mlflowComparisons() {
        assertEquals(List.of("r3", "r1"), ids("metrics.auc > 0.85"));
        assertEquals(List.of("r3", "r2", "r1"), ids("metrics.auc >= 0.84"));
        assertEquals(List.of("r5"), ids("metrics.auc < 0.8"));
        assertEquals(List.of("r5", "r2"), ids("metrics.auc <= 0.84"));
        assertEquals(List.of("r2"), ids("metrics.auc = 0.84"));
        assertEquals(List.of("r3", "r1"), ids("params.optimizer = 'adam'"));
        assertEquals(List.of("r1"), ids("tags.team LIKE 'risk%'"));
        assertEquals(List.of("r2", "r1"), ids("tags.team ILIKE 'RISK%'"));
        assertEquals(List.of("r5", "r2", "r1"), ids("attributes.status = 'FINISHED'"));
        assertEquals(List.of("r1"), ids("metrics.loss < 5e-1"));
        assertEquals(List.of("r5", "r1"), ids("params.optimizer IN ('adam', 'ftrl') AND metrics.auc != 0.88"));
    }

    /** Issue 13, point 15: the status searches see is the one listings show, STALE included. */
    @Test
    void statusIsTheOneListingsShowWithStaleRuns() {
        store.run("r7", "census")
                .name("live")
                .status("RUNNING")
                .times(System.currentTimeMillis(), null)
                .insert();
        assertEquals(List.of("r4"), ids("attributes.status = 'STALE'"));
        assertEquals(List.of("r7"), ids("attributes.status = 'RUNNING'"));
        assertEquals(List.of("r4", "r3"), ids("attributes.status IN ('STALE', 'FAILED')"));
        assertEquals(List.of("r7", "r5", "r3", "r2", "r1"), ids("attributes.status != 'STALE'"));
        assertEquals(List.of("r4"), ids("attributes.status LIKE 'ST%' AND params.optimizer = 'adagrad'"));
        assertEquals(List.of("r4"), ids("attributes.status ILIKE 'stale'"));
        assertEquals(
                List.of("r3", "r5", "r2", "r1", "r7", "r4"), ids(RunQuery.all().orderBy("attributes.status ASC")));
        for (RunSummary run : queries.search(RunQuery.all().where("attributes.status = 'STALE'"))
                .runs()) {
            assertEquals(EffectiveStatus.STALE, run.status());
        }
    }

    @Test
    void orAndParenthesesAndNot() {
        assertEquals(
                List.of("r3", "r1"), ids("(params.optimizer = 'adam' AND metrics.auc > 0.9) OR tags.team = 'growth'"));
        assertEquals(List.of("r1"), ids("params.optimizer = 'adam' AND (metrics.auc > 0.9 OR tags.team = 'nobody')"));
        assertEquals(
                List.of("r5", "r2", "r1"),
                ids("metrics.auc > 0.9 or metrics.auc < 0.85 OR params.optimizer = 'nothing'"));
        assertEquals(List.of("r5", "r4", "r2"), ids("NOT metrics.auc > 0.85"), "runs without auc match NOT");
        assertEquals(List.of("r3", "r1"), ids("NOT NOT metrics.auc > 0.85"));
        assertEquals(List.of("r4"), ids("not (metrics.auc > 0 or params.optimizer in ('ftrl'))"));
    }

    @Test
    void negativeOperatorsNeedTheKeyButNotDoesNot() {
        assertEquals(List.of("r5", "r3", "r2"), ids("metrics.auc != 0.91"));
        assertEquals(List.of("r5", "r4", "r3", "r2"), ids("NOT metrics.auc = 0.91"));
        assertEquals(List.of("r5", "r3"), ids("tags.team NOT LIKE 'risk%' AND tags.team NOT ILIKE 'RISK%'"));
        assertEquals(List.of("r4", "r2"), ids("params.optimizer NOT IN ('adam', 'ftrl')"));
    }

    @Test
    void oddKeysAndQuotes() {
        assertEquals(List.of("r3"), ids("metrics.`val/auc` > 0.8"));
        assertEquals(List.of("r5"), ids("tags.team = 'o''brien'"));
        assertEquals(List.of("r5"), ids("tags.team LIKE '%''%'"));
        assertEquals(List.of(), ids("tags.team = '''; DROP TABLE runs; --'"));
        assertEquals(List.of("r5", "r4", "r3", "r2", "r1"), ids(""), "the runs table is still there");
    }

    @Test
    void likeEscapes() {
        store.run("p1", "census")
                .times(100, 200L)
                .param("pattern", "100%_done\\")
                .insert();
        store.run("p2", "census")
                .times(100, 200L)
                .param("pattern", "100 x done\\")
                .insert();
        assertEquals(List.of("p1", "p2"), ids("params.pattern LIKE '100%done%'"), "same start: by run id");
        assertEquals(List.of("p1"), ids("params.pattern LIKE '100\\%\\_done\\\\'"));
        assertEquals(List.of("p1"), ids("params.pattern LIKE '%\\_%'"));
        assertEquals(List.of("p2"), ids("params.pattern LIKE '100\\ x%'"), "an escaped plain character is itself");
    }

    @Test
    void attributes() {
        assertEquals(List.of("r2", "r1"), ids("attributes.run_name LIKE 'linear%'"));
        assertEquals(List.of("r3"), ids("attributes.name = 'dnn'"));
        assertEquals(List.of("r5", "r3", "r2", "r1"), ids("attributes.end_time > 0"));
        assertEquals(List.of("r4"), ids("NOT attributes.end_time > 0"), "a missing end time is not > 0");
        assertEquals(List.of("r5", "r4", "r3"), ids("attributes.start_time >= 3000"));
        assertEquals(List.of("r5"), ids("attributes.experiment = 'ctr'"));
        assertEquals(List.of("r4", "r3", "r2", "r1"), ids("attributes.experiment_name ILIKE 'CEN%'"));
        assertEquals(List.of("r2", "r1"), ids("attributes.run_id IN ('r1', 'r2', 'r9')"));
        assertEquals(List.of("r4"), ids("attributes.parent_run_id = 'r3'"));
        assertEquals(List.of("r5", "r4", "r2", "r1"), ids("attributes.status != 'FAILED'"));
        long census = store.experiment("census");
        assertEquals(List.of("r5"), ids("attributes.experiment_id != " + census));
    }

    @Test
    void sortingPutsRunsWithoutTheKeyLast() {
        assertEquals(List.of("r1", "r3", "r2", "r5", "r4"), ids(RunQuery.all().orderBy("metrics.auc DESC")));
        assertEquals(List.of("r5", "r2", "r3", "r1", "r4"), ids(RunQuery.all().orderBy("metrics.auc ASC")));
        assertEquals(
                List.of("r4", "r1", "r3", "r5", "r2"),
                ids(RunQuery.all().orderBy("params.optimizer, metrics.auc DESC")));
        assertEquals(List.of("r1", "r2", "r3", "r5", "r4"), ids(RunQuery.all().orderBy("attributes.end_time")));
        assertEquals(List.of("r5", "r3", "r2", "r1", "r4"), ids(RunQuery.all().orderBy("attributes.end_time DESC")));
        assertEquals(
                List.of("r3", "r4", "r1", "r2", "r5"),
                ids(RunQuery.all().orderBy("attributes.name").where("attributes.start_time > 0")),
                "r5 has no name");
        // Lower case only: how case sorts depends on the database's collation.
        assertEquals(
                List.of("r3", "r5", "r1", "r4"),
                ids(RunQuery.all().orderBy("tags.team").where("NOT tags.team LIKE 'Risk%'")));
    }

    @Test
    void pagesCoverEveryRunOnceAndTokensBelongToTheirSearch() {
        RunQuery query = RunQuery.all().orderBy("metrics.auc DESC").limit(2);
        List<String> seen = new ArrayList<>();
        RunPage page = queries.search(query);
        int pages = 1;
        seen.addAll(page.runs().stream().map(RunSummary::runId).toList());
        while (page.nextPageToken().isPresent()) {
            page = queries.search(query.pageToken(page.nextPageToken().get()));
            seen.addAll(page.runs().stream().map(RunSummary::runId).toList());
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(List.of("r1", "r3", "r2", "r5", "r4"), seen);

        String token = queries.search(query).nextPageToken().orElseThrow();
        IllegalArgumentException other = assertThrows(
                IllegalArgumentException.class,
                () -> queries.search(
                        RunQuery.all().orderBy("metrics.auc ASC").limit(2).pageToken(token)));
        assertTrue(other.getMessage().contains("belongs to another search"), other.getMessage());
        IllegalArgumentException garbage =
                assertThrows(IllegalArgumentException.class, () -> queries.search(query.pageToken("not a token!")));
        assertTrue(garbage.getMessage().contains("is not a page token"), garbage.getMessage());
        assertEquals(List.of("r2", "r5", "r4"), ids(query.limit(3).pageToken(token)), "the limit may change");
    }

    @Test
    void lifecycleAndExperiments() {
        assertEquals(List.of("r6"), ids(RunQuery.all().lifecycle(Lifecycle.DELETED_ONLY)));
        assertEquals(
                List.of("r6", "r5", "r4", "r3", "r2", "r1"), ids(RunQuery.all().lifecycle(Lifecycle.ALL)));
        assertEquals(List.of("r5"), ids(RunQuery.all().inExperiments("ctr")));
        assertEquals(
                List.of("r3", "r1"),
                ids(RunQuery.all().inExperiments("census", "nope").where("params.optimizer = 'adam'")));
        assertEquals(List.of(), ids(RunQuery.all().inExperiments("nope")));
    }

    @Test
    void summariesCarryParamsLatestMetricsAndTags() {
        RunSummary r1 = only("attributes.run_id = 'r1'");
        assertEquals("linear-a", r1.name());
        assertEquals("census", r1.experiment());
        assertEquals(EffectiveStatus.FINISHED, r1.status());
        assertEquals(1000, r1.info().startMs());
        assertEquals(2000L, r1.info().endMs());
        assertEquals(Map.of("optimizer", "adam", "lr", "0.01"), r1.params());
        assertEquals(List.of("lr", "optimizer"), List.copyOf(r1.params().keySet()), "sorted by key");
        assertEquals(new MetricPoint(10, 0.91, 1001), r1.metrics().get("auc"));
        assertEquals(0.3, r1.metric("loss").getAsDouble());
        assertTrue(r1.metric("nope").isEmpty());
        assertEquals(Map.of("team", "risk-eu"), r1.tags());

        assertNull(only("attributes.run_id = 'r5'").name());
        RunSummary r4 = only("attributes.run_id = 'r4'");
        assertNull(r4.info().endMs());
        assertEquals("r3", r4.info().parentRunId());
        assertEquals(EffectiveStatus.STALE, r4.status(), "RUNNING, but its heartbeat stopped long ago");
        assertTrue(queries.search(RunQuery.all().lifecycle(Lifecycle.DELETED_ONLY))
                .runs()
                .get(0)
                .info()
                .deleted());
    }

    private RunSummary only(String filter) {
        List<RunSummary> runs = queries.search(RunQuery.all().where(filter)).runs();
        assertEquals(1, runs.size(), filter);
        return runs.get(0);
    }

    @Test
    void experimentsWithRunCountsAndDeletion() {
        List<ExperimentSummary> experiments = queries.experiments();
        assertEquals(
                List.of("census", "ctr"),
                experiments.stream().map(ExperimentSummary::name).toList());
        assertEquals(4, experiments.get(0).runs());
        assertEquals(1, experiments.get(0).deletedRuns());
        assertEquals(4000L, experiments.get(0).lastStartMs());
        assertEquals(1, experiments.get(1).runs());

        store.run("gone", "emptied").deleted().insert();
        ExperimentSummary emptied = queries.experiments().stream()
                .filter(e -> e.name().equals("emptied"))
                .findFirst()
                .orElseThrow();
        assertEquals(0, emptied.runs());
        assertEquals(1, emptied.deletedRuns());
        assertNull(emptied.lastStartMs(), "no run that is not deleted");

        store.store.deleteRun("r1");
        assertEquals(List.of("r3"), ids("params.optimizer = 'adam'"));
        store.store.restoreRun("r1");
        assertEquals(List.of("r3", "r1"), ids("params.optimizer = 'adam'"));
    }

    @Test
    void runIdsResolveFromUniquePrefixes() {
        store.run("abc123", "census").insert();
        store.run("abc456", "census").insert();
        store.run("a_c999", "census").insert();
        assertEquals("abc123", queries.resolveRunId("abc1"));
        assertEquals("r1", queries.resolveRunId("r1"));
        assertEquals("a_c999", queries.resolveRunId("a_"), "'_' is not a wildcard in a prefix");
        UnknownRunException ambiguous = assertThrows(UnknownRunException.class, () -> queries.resolveRunId("abc"));
        assertEquals(List.of("abc123", "abc456"), ambiguous.candidates());
        UnknownRunException none = assertThrows(UnknownRunException.class, () -> queries.resolveRunId("zzz"));
        assertTrue(none.getMessage().contains("no run has the id 'zzz'"), none.getMessage());
        assertThrows(UnknownRunException.class, () -> queries.resolveRunId(""));
    }

    @Test
    void theSqlHoldsNoValueAndNoKey() {
        RunQuery query = RunQuery.all()
                .where("metrics.`secret-metric` > 0.123 AND params.p = 'secret-value' OR "
                        + "tags.`secret-tag` ILIKE 'SECRET%'")
                .orderBy("metrics.`secret-sort` DESC")
                .inExperiments("exp-x");
        SqlFragment sql = RunQueries.searchSql(query, 0, 0);
        assertFalse(sql.sql().toLowerCase().contains("secret"), sql.sql());
        assertFalse(sql.sql().contains("0.123"), sql.sql());
        assertFalse(sql.sql().contains("exp-x"), sql.sql());
        assertEquals(
                List.of(
                        "secret-sort",
                        "exp-x",
                        "secret-metric",
                        0.123,
                        "p",
                        "secret-value",
                        "secret-tag",
                        "secret%",
                        101L,
                        0L),
                sql.parameters());
    }
}
