package org.estimator4j.store.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throws random and hostile filters and sort keys at a real store. Each one must either run (no SQL error) or fail
 * with a {@link FilterSyntaxException} whose column lies within the text; nothing else may escape, and a
 * {@code canary} table must keep its row, whatever the injection attempts. Seeded: a failure names its case and
 * repeats with {@code -De4j.fuzz.seed=...}.
 */
class FilterFuzzTest {
    static final long SEED = Long.getLong("e4j.fuzz.seed", 20261122L);
    static final int RANDOM_FILTERS = 12_000;
    static final int RANDOM_SORT_KEYS = 2_000;

    @TempDir
    Path dir;

    TestStore createStore() {
        return TestStore.h2(dir);
    }

    private static final String[] FIELDS = {
        "metrics.auc",
        "metrics.loss",
        "metrics.`val/auc`",
        "metrics.m7",
        "METRICS.AUC",
        "metric.auc",
        "params.optimizer",
        "params.lr",
        "params.`a``b`",
        "param.\"odd key\"",
        "tags.team",
        "tags.note",
        "tags.`x'y`",
        "attributes.status",
        "attributes.start_time",
        "attributes.end_time",
        "attributes.run_name",
        "attributes.name",
        "attributes.experiment",
        "attributes.run_id",
        "attributes.experiment_id",
        "attributes.parent_run_id",
        "attributes.bogus",
        "attr.STATUS",
        "run.end_time",
        "foo.bar",
        "metrics.",
        "metrics.`",
        "metrics.``",
        "auc",
        "`auc`",
        "metrics.a.b.c",
        "params.-x",
        "tags.ü",
        "metrics.\u4e2d\u6587",
    };
    private static final String[] OPERATORS = {
        "=",
        "==",
        "!=",
        "<>",
        "<",
        "<=",
        ">",
        ">=",
        "LIKE",
        "like",
        "ILIKE",
        "IN",
        "in",
        "NOT IN",
        "NOT LIKE",
        "NOT ILIKE",
        "!",
        "=<",
        "=>",
        "IS",
        "IS NULL",
        "BETWEEN",
    };
    private static final String[] VALUES = {
        "0",
        "1",
        "-1",
        "0.5",
        ".5",
        "-.5",
        "+3",
        "1e308",
        "1e309",
        "-1e309",
        "1e-400",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "1.5e3",
        "1e",
        "1..2",
        "0x10",
        "NaN",
        "Infinity",
        "'adam'",
        "'FINISHED'",
        "'RUNNING'",
        "''",
        "''''",
        "'risk%'",
        "'%'",
        "'_'",
        "'\\'",
        "'\\\\'",
        "'\\%'",
        "'a\\'",
        "\"dq\"",
        "\"\"",
        "'o''brien'",
        "'\u00e9t\u00e9'",
        "'\u4e2d\u6587'",
        "'\ud83d\ude00'",
        "'\ud800'",
        "'\u200b'",
        "'\u202e'",
        "'",
        "\"",
        "`",
        "'%%%%%%%%%%%%%%%%%%%%%%%%%'",
        "('a', 'b')",
        "(1, 2)",
        "()",
        "('a',)",
        "(",
        "NULL",
        "TRUE",
    };
    private static final String[] INJECTIONS = {
        "'; DROP TABLE canary; --",
        "' OR '1'='1",
        "' OR 1=1 --",
        "'; DELETE FROM canary; --",
        "' UNION SELECT note FROM canary --",
        "\\'; DROP TABLE canary; --",
        "'/*",
        "*/",
        "--",
        ";",
        "'); DROP TABLE canary; --",
        "`; DROP TABLE canary; --`",
        "\"; DROP TABLE canary; --\"",
        "1; DROP TABLE canary",
        "0 OR 1=1",
        "' || (SELECT note FROM canary) || '",
        "$$; DROP TABLE canary; $$",
        "E'\\x27'; DROP TABLE canary; --",
        "CHAR(39)",
        "'\u0000'",
    };
    private static final String[] GLUE = {"AND", "OR", "NOT", "and", "or", "not", "(", ")", ",", " ", "ASC", "DESC"};
    private static final String ODD_CHARS = "'\"`()=<>!,;.%_\\-+*/ \t\n\r\u0000\u00a0\u00e9\u4e2d\u200b\u202e"
            + "\ud83d\ude00\ud800\udfff\ufeff\uffff#$@?:[]{}|&^~";

    @Test
    void everyFilterRunsOrFailsWithASyntaxErrorAndTheCanarySurvives() throws SQLException {
        TestStore store = createStore();
        store.run("f1", "census")
                .name("a")
                .param("optimizer", "adam")
                .param("lr", "0.01")
                .param("a`b", "q")
                .param("odd key", "v")
                .metric("auc", 0.9)
                .metric("loss", 0.3)
                .metric("val/auc", 0.8)
                .metric("m7", 0.6)
                .tag("team", "risk")
                .tag("note", "'; DROP TABLE canary; --")
                .tag("x'y", "z")
                .insert();
        store.run("f2", "ctr")
                .status("RUNNING")
                .times(5, null)
                .parent("f1")
                .param("optimizer", "sgd")
                .metric("auc", 0.7)
                .tag("team", "o'brien")
                .insert();
        store.run("f3", "census").deleted().metric("auc", Double.NaN).insert();
        store.execute("CREATE TABLE canary (id INT PRIMARY KEY, note VARCHAR(100))");
        store.execute("INSERT INTO canary VALUES (1, 'alive')");
        try {
            fuzz(store);
        } finally {
            store.close();
        }
    }

    /** How many random filters to generate (besides the hand-picked ones). */
    int randomFilters() {
        return RANDOM_FILTERS;
    }

    int randomSortKeys() {
        return RANDOM_SORT_KEYS;
    }

    private void fuzz(TestStore store) throws SQLException {
        RunQueries queries = store.queries();

        Random random = new Random(SEED);
        List<String> filters = new ArrayList<>(adversarial());
        for (int i = 0; i < randomFilters(); i++) {
            filters.add(
                    switch (i % 4) {
                        case 0 -> randomChars(random, random.nextInt(60));
                        case 1 -> randomTokens(random, 1 + random.nextInt(20));
                        case 2 -> wellFormed(random, 0);
                        default -> mutate(random, wellFormed(random, 0));
                    });
        }
        Outcomes filterOutcomes = new Outcomes();
        long start = System.nanoTime();
        for (int i = 0; i < filters.size(); i++) {
            String filter = filters.get(i);
            filterOutcomes.run(
                    "filter",
                    i,
                    filter,
                    () -> queries.search(RunQuery.all().where(filter).limit(3)));
        }
        Outcomes sortOutcomes = new Outcomes();
        for (int i = 0; i < randomSortKeys(); i++) {
            String orderBy = i % 2 == 0 ? randomSortKeys(random) : mutate(random, randomSortKeys(random));
            sortOutcomes.run(
                    "sort keys",
                    i,
                    orderBy,
                    () -> queries.search(RunQuery.all().orderBy(orderBy).limit(3)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "fuzz (seed %d): %d filters (%d ran, %d syntax errors), %d sort keys (%d ran, %d syntax"
                        + " errors) in %.1f s%n",
                SEED,
                filters.size(),
                filterOutcomes.ran,
                filterOutcomes.rejected,
                randomSortKeys(),
                sortOutcomes.ran,
                sortOutcomes.rejected,
                seconds);

        assertTrue(filters.size() >= randomFilters());
        assertTrue(
                filterOutcomes.ran > filters.size() / 5, "too few filters reached the database: " + filterOutcomes.ran);
        assertTrue(
                filterOutcomes.rejected > filters.size() / 5,
                "too few filters were rejected: " + filterOutcomes.rejected);
        assertTrue(sortOutcomes.ran > randomSortKeys() / 10, "too few sort keys ran: " + sortOutcomes.ran);

        try (Connection c = store.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, note FROM canary")) {
            assertTrue(rs.next(), "the canary lost its row");
            assertEquals(1, rs.getInt(1));
            assertEquals("alive", rs.getString(2));
        }
        assertEquals(
                3,
                queries.search(RunQuery.all().lifecycle(Lifecycle.ALL)).runs().size(),
                "runs intact");
    }

    /** Counts what happened; fails on anything but success or a well-formed syntax error. */
    private static final class Outcomes {
        int ran;
        int rejected;

        void run(String what, int index, String text, Runnable search) {
            try {
                search.run();
                ran++;
            } catch (FilterSyntaxException e) {
                rejected++;
                if (e.column() < 1
                        || e.column() > text.length() + 1
                        || !e.getMessage().contains("^")) {
                    fail(what + " case " + index + " (seed " + SEED + "): bad error for " + printable(text) + ": "
                            + e.getMessage());
                }
            } catch (Throwable t) {
                fail(what + " case " + index + " (seed " + SEED + "): " + printable(text) + " threw " + t, t);
            }
        }
    }

    /** Hand-picked hostile inputs: injections in every slot, limits and just past them, huge inputs. */
    private static List<String> adversarial() {
        List<String> list = new ArrayList<>();
        for (String injection : INJECTIONS) {
            list.add(injection);
            list.add("params.optimizer = " + injection);
            list.add("params.optimizer = '" + injection.replace("'", "''") + "'");
            list.add("params.optimizer = '" + injection + "'");
            list.add("tags.`" + injection.replace("`", "``") + "` = 'x'");
            list.add("metrics.`" + injection + "` > 0");
            list.add("attributes.status IN ('FINISHED', '" + injection.replace("'", "''") + "')");
            list.add("tags.note LIKE '%" + injection.replace("'", "''") + "%'");
            list.add("metrics.auc > 0 " + injection);
            list.add("(metrics.auc > 0) OR " + injection);
        }
        for (int depth : new int[] {10, 49, 50, 51, 1_000, 100_000}) {
            list.add("(".repeat(depth) + "metrics.auc > 0" + ")".repeat(depth));
            list.add("NOT ".repeat(depth) + "metrics.auc > 0");
            list.add("(".repeat(depth));
            list.add(")".repeat(depth));
            list.add("(NOT ".repeat(depth) + "metrics.auc > 0" + ")".repeat(depth));
        }
        for (int n : new int[] {199, 200, 201, 5_000}) {
            list.add(String.join(" OR ", java.util.Collections.nCopies(n, "metrics.auc > 0.5")));
            list.add(String.join(" AND ", java.util.Collections.nCopies(n, "params.optimizer != 'x'")));
        }
        for (int n : new int[] {1_000, 2_000, 2_001, 50_000}) {
            list.add("params.optimizer IN (" + String.join(", ", java.util.Collections.nCopies(n, "'a'")) + ")");
            list.add("metrics.auc NOT IN (" + String.join(",", java.util.Collections.nCopies(n, "1")) + ")");
        }
        list.add("params.optimizer = '" + "x".repeat(8_000) + "'");
        list.add("params.optimizer = '" + "x".repeat(8_001) + "'");
        list.add("params.optimizer = '" + "'".repeat(1_000_001) + "'");
        list.add("tags.note LIKE '" + "%x".repeat(20) + "'");
        list.add("tags.note LIKE '" + "%x".repeat(21) + "'");
        list.add("params.`" + "k".repeat(256) + "` = 'x'");
        list.add("params.`" + "k".repeat(257) + "` = 'x'");
        list.add("attributes.status = '" + "S".repeat(5_000) + "'");
        list.add("attributes.run_id LIKE '" + "_".repeat(3_000) + "'");
        list.add("metrics.auc > " + "9".repeat(10_000));
        list.add("metrics.auc > 0." + "0".repeat(10_000) + "1");
        list.add("metrics.auc > 1e2147483648");
        list.add("attributes.start_time > 1e18");
        list.add("attributes.start_time > 1e19");
        list.add("attributes.experiment_id = -0");
        list.add(" ".repeat(1_000_000));
        list.add("metrics.auc > 0.5 " + "\u0000");
        list.add("\ufeffmetrics.auc > 0.5");
        list.add("metrics.auc\u00a0> 0.5");
        list.add("metrics.auc > 0.5\r\nAND\tparams.lr = '0.01'");
        return list;
    }

    private static String randomChars(Random random, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                b.append(ODD_CHARS.charAt(random.nextInt(ODD_CHARS.length())));
            } else if (kind == 1) {
                b.append((char) (32 + random.nextInt(95)));
            } else if (kind == 2) {
                b.append((char) random.nextInt(0x10000));
            } else {
                b.append(pick(random, GLUE)).append(' ');
            }
        }
        return b.toString();
    }

    private static String randomTokens(Random random, int count) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] pool = switch (random.nextInt(5)) {
                case 0 -> FIELDS;
                case 1 -> OPERATORS;
                case 2 -> VALUES;
                case 3 -> GLUE;
                default -> INJECTIONS;
            };
            tokens.add(pick(random, pool));
        }
        return String.join(random.nextInt(4) == 0 ? "" : " ", tokens);
    }

    /** A filter from the grammar with random (often mistyped) values: deep enough to reach the compiler. */
    private static String wellFormed(Random random, int depth) {
        int choice = depth > 4 ? 0 : random.nextInt(6);
        return switch (choice) {
            case 1 -> wellFormed(random, depth + 1) + " AND " + wellFormed(random, depth + 1);
            case 2 -> wellFormed(random, depth + 1) + " OR " + wellFormed(random, depth + 1);
            case 3 -> "NOT " + wellFormed(random, depth + 1);
            case 4 -> "(" + wellFormed(random, depth + 1) + ")";
            default -> comparison(random);
        };
    }

    private static final String[] NUMBER_FIELDS = {
        "metrics.auc",
        "metrics.loss",
        "metrics.`val/auc`",
        "metrics.m7",
        "metrics.missing",
        "attributes.start_time",
        "attributes.end_time",
        "attributes.experiment_id"
    };
    private static final String[] STRING_FIELDS = {
        "params.optimizer",
        "params.lr",
        "params.`a``b`",
        "params.\"odd key\"",
        "tags.team",
        "tags.note",
        "tags.`x'y`",
        "attributes.status",
        "attributes.run_name",
        "attributes.experiment",
        "attributes.run_id",
        "attributes.parent_run_id"
    };

    /** Mostly well-typed (so it reaches the database), sometimes anything. */
    private static String comparison(Random random) {
        if (random.nextInt(10) == 0) {
            return untypedComparison(random);
        }
        boolean numeric = random.nextBoolean();
        String field = pick(random, numeric ? NUMBER_FIELDS : STRING_FIELDS);
        boolean whole = field.startsWith("attributes.");
        String[] ops = numeric
                ? new String[] {"=", "!=", "<", "<=", ">", ">=", "==", "<>"}
                : new String[] {"=", "!=", "LIKE", "ILIKE", "NOT LIKE", "NOT ILIKE", "like"};
        if (random.nextInt(5) == 0) {
            int n = 1 + random.nextInt(5);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                values.add(numeric ? number(random, whole) : string(random));
            }
            return field + (random.nextBoolean() ? " IN (" : " NOT IN (") + String.join(", ", values) + ")";
        }
        return field + " " + pick(random, ops) + " " + (numeric ? number(random, whole) : string(random));
    }

    private static String number(Random random, boolean whole) {
        if (whole) {
            return Long.toString(random.nextLong() >> random.nextInt(64));
        }
        return random.nextBoolean()
                ? Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6))
                : Double.toString(random.nextDouble());
    }

    /** A quoted string: random characters, an injection, a LIKE pattern; quotes doubled, no NUL, no lone '\'. */
    private static String string(Random random) {
        String raw = switch (random.nextInt(3)) {
            case 0 -> randomChars(random, random.nextInt(10));
            case 1 -> pick(random, INJECTIONS);
            default -> pick(random, new String[] {"adam", "risk%", "%o'brien%", "_", "%", "\\%", "FINISHED"});
        };
        raw = raw.replace("\u0000", "");
        if (raw.endsWith("\\") && !raw.endsWith("\\\\")) {
            raw = raw + "\\";
        }
        return "'" + raw.replace("'", "''") + "'";
    }

    private static String untypedComparison(Random random) {
        String field = pick(random, FIELDS);
        String[] typed = {"=", "!=", "<", "<=", ">", ">=", "LIKE", "ILIKE", "NOT LIKE", "NOT ILIKE"};
        if (random.nextInt(5) == 0) {
            int n = 1 + random.nextInt(4);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                values.add(scalar(random));
            }
            return field + (random.nextBoolean() ? " IN (" : " NOT IN (") + String.join(", ", values) + ")";
        }
        return field + " " + pick(random, typed) + " " + scalar(random);
    }

    private static String scalar(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6));
            case 1 -> Long.toString(random.nextLong() >> random.nextInt(64));
            case 2 ->
                "'" + randomChars(random, random.nextInt(8)).replace("'", "''").replace("\u0000", "") + "'";
            default -> pick(random, VALUES);
        };
    }

    private static String randomSortKeys(Random random) {
        List<String> keys = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            keys.add(pick(random, FIELDS) + (random.nextBoolean() ? "" : random.nextBoolean() ? " ASC" : " desc"));
        }
        return String.join(", ", keys);
    }

    /** Deletes, inserts, duplicates or swaps characters of {@code text}. */
    private static String mutate(Random random, String text) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !b.isEmpty(); e++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, ODD_CHARS.charAt(random.nextInt(ODD_CHARS.length())));
                case 2 -> b.insert(at, b.substring(at, Math.min(b.length(), at + 1 + random.nextInt(10))));
                default -> {
                    int other = random.nextInt(b.length());
                    char c = b.charAt(at);
                    b.setCharAt(at, b.charAt(other));
                    b.setCharAt(other, c);
                }
            }
        }
        return b.toString();
    }

    private static String pick(Random random, String[] pool) {
        return pool[random.nextInt(pool.length)];
    }

    /** The text with control and non-ASCII characters escaped, cut to 300 characters, for a failure message. */
    private static String printable(String text) {
        StringBuilder b = new StringBuilder("\"");
        text.chars()
                .limit(300)
                .forEach(c -> b.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return b.append(text.length() > 300 ? "...\" (" + text.length() + " chars)" : "\"")
                .toString();
    }
}
