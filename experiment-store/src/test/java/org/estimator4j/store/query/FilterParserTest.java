package org.estimator4j.store.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterParserTest {

    private static Comparison metric(String key, Operator op, double value) {
        return new Comparison(Field.metric(key), op, Literal.Number.of(value));
    }

    private static Comparison param(String key, Operator op, String value) {
        return new Comparison(Field.param(key), op, new Literal.Text(value));
    }

    @Test
    void parsesMlflowStyleComparisons() {
        assertEquals(metric("auc", Operator.GT, 0.85), FilterParser.parse("metrics.auc > 0.85"));
        assertEquals(param("optimizer", Operator.EQ, "adam"), FilterParser.parse("params.optimizer = 'adam'"));
        assertEquals(
                new Comparison(Field.tag("team"), Operator.LIKE, new Literal.Text("risk%")),
                FilterParser.parse("tags.team LIKE 'risk%'"));
        assertEquals(
                new Comparison(Field.attribute(Attribute.STATUS), Operator.EQ, new Literal.Text("FINISHED")),
                FilterParser.parse("attributes.status = 'FINISHED'"));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesOverrideIt() {
        Comparison a = metric("a", Operator.GT, 1);
        Comparison b = metric("b", Operator.GT, 2);
        Comparison c = metric("c", Operator.GT, 3);
        assertEquals(
                new Filter.Or(List.of(a, new Filter.And(List.of(b, c)))),
                FilterParser.parse("metrics.a > 1 OR metrics.b > 2 AND metrics.c > 3"));
        assertEquals(
                new Filter.And(List.of(new Filter.Or(List.of(a, b)), c)),
                FilterParser.parse("(metrics.a > 1 OR metrics.b > 2) AND metrics.c > 3"));
        assertEquals(
                new Filter.And(List.of(new Filter.Not(a), b)),
                FilterParser.parse("NOT metrics.a > 1 AND metrics.b > 2"));
    }

    @Test
    void keywordsAndKindsIgnoreCaseKeysDoNot() {
        assertEquals(
                FilterParser.parse("metrics.Auc > 1 AND NOT params.x IN ('a') OR tags.t ILIKE 'x'"),
                FilterParser.parse("METRIC.Auc > 1 and not Param.x in ('a') Or TAG.t ilike 'x'"));
        assertEquals(Field.metric("Auc"), ((Comparison) FilterParser.parse("metrics.Auc > 1")).field());
    }

    @Test
    void everyOperator() {
        assertEquals(Operator.NE, op("metrics.a != 1"));
        assertEquals(Operator.NE, op("metrics.a <> 1"));
        assertEquals(Operator.EQ, op("metrics.a == 1"));
        assertEquals(Operator.LT, op("metrics.a < 1"));
        assertEquals(Operator.LE, op("metrics.a <= 1"));
        assertEquals(Operator.GE, op("metrics.a >= 1"));
        assertEquals(Operator.ILIKE, op("params.a ILIKE 'x'"));
        assertEquals(Operator.NOT_LIKE, op("params.a NOT LIKE 'x'"));
        assertEquals(Operator.NOT_ILIKE, op("params.a NOT ILIKE 'x'"));
        assertEquals(Operator.NOT_IN, op("params.a NOT IN ('x', 'y')"));
        assertEquals(
                List.of(new Literal.Text("a"), new Literal.Text("b")),
                ((Comparison) FilterParser.parse("params.x IN ('a','b')")).values());
    }

    private static Operator op(String filter) {
        return ((Comparison) FilterParser.parse(filter)).operator();
    }

    @Test
    void odddKeysStringsAndNumbers() {
        assertEquals(Field.metric("val/auc"), field("metrics.`val/auc` > 0"));
        assertEquals(Field.metric("we`ird"), field("metrics.`we``ird` > 0"));
        assertEquals(Field.param("with space"), field("params.\"with space\" = 'x'"));
        assertEquals(Field.param("model.lr-2"), field("params.model.lr-2 = 'x'"));
        assertEquals(new Literal.Text("o'brien"), value("tags.who = 'o''brien'"));
        assertEquals(new Literal.Text("double \"q\""), value("tags.who = \"double \"\"q\"\"\""));
        assertEquals(Literal.Number.of(-0.5), value("metrics.x > -0.5"));
        assertEquals(Literal.Number.of(0.5), value("metrics.x > .5"));
        assertEquals(
                0,
                new java.math.BigDecimal("1.5e-3").compareTo(((Literal.Number) value("metrics.x > 1.5E-3")).value()));
    }

    private static Field field(String filter) {
        return ((Comparison) FilterParser.parse(filter)).field();
    }

    private static Literal value(String filter) {
        return ((Comparison) FilterParser.parse(filter)).value();
    }

    @Test
    void attributesHaveAliases() {
        assertEquals(Field.attribute(Attribute.RUN_NAME), field("attributes.name = 'x'"));
        assertEquals(Field.attribute(Attribute.RUN_NAME), field("attribute.run_name = 'x'"));
        assertEquals(Field.attribute(Attribute.EXPERIMENT), field("attr.experiment_name = 'x'"));
        assertEquals(Field.attribute(Attribute.START_TIME), field("run.START_TIME > 0"));
    }

    @Test
    void blankMatchesAll() {
        assertEquals(Filter.MATCH_ALL, FilterParser.parse(""));
        assertEquals(Filter.MATCH_ALL, FilterParser.parse("  \t\n"));
    }

    @Test
    void toStringParsesBackToTheSameTree() {
        for (String filter : List.of(
                "metrics.`val/auc` > 0.5 AND (params.a = 'x''y' OR NOT tags.t LIKE '%z')",
                "NOT (metrics.a IN (1, 2) OR attributes.status NOT IN ('RUNNING'))",
                "attributes.start_time >= 1700000000000 AND attributes.name ILIKE 'A%'")) {
            Filter parsed = FilterParser.parse(filter);
            assertEquals(parsed, FilterParser.parse(parsed.toString()), parsed.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            metrics.auc >                        | 14 | expected a value
            metrics.auc > )                      | 15 | expected a value
            metrics.auc 0.5                      | 13 | expected an operator after metrics.auc
            auc > 0.5                            | 1  | a field names its kind: metrics.auc
            metric_s.auc > 0.5                   | 1  | unknown kind 'metric_s'
            metrics.auc > 0.5 AND                | 22 | expected a condition
            metrics.auc > 0.5 params.x = 'a'     | 19 | expected AND, OR or the end
            (metrics.auc > 0.5                   | 19 | expected ')' to close the '(' at column 1
            metrics.auc > 0.5)                   | 18 | this ')' closes no '('
            params.x = 'adam                     | 12 | unterminated string
            metrics.`val/auc > 1                 | 9  | unterminated key
            metrics. > 1                         | 9  | expected a key after 'metrics.'
            metrics.auc = 'high'                 | 15 | metrics.auc holds numbers: compare it with a number
            params.lr = 0.01                     | 13 | params.lr holds strings: quote the value, e.g. params.lr = '0.01'
            params.lr > '0.01'                   | 11 | params.lr holds strings, which > does not compare
            metrics.auc LIKE '0.9%'              | 13 | metrics.auc holds numbers, which LIKE does not compare
            attributes.colour = 'red'            | 12 | there is no run attribute 'colour'
            attributes.start_time > 1.5          | 25 | attributes.start_time holds whole numbers
            params.x IN 'a'                      | 13 | IN takes a list in parentheses
            params.x IN ('a',)                   | 18 | expected a value
            params.x NOT = 'a'                   | 14 | expected IN, LIKE or ILIKE after NOT
            metrics.x ! 1                        | 11 | '!' only appears in '!='
            metrics.x > 1.5.2                    | 16 | malformed number
            metrics.x > 1e                       | 15 | expected the exponent's digits
            metrics.x > 1e999                    | 13 | out of the range of a metric value
            params.x LIKE 'a\\'                  | 15 | cannot end with a lone backslash
            metrics.x > 1 ; DROP TABLE runs      | 15 | unexpected character ';'
            `val/auc` > 1                        | 1  | a `quoted key` follows its kind
            """)
    void errorsPointAtTheMistake(String filter, int column, String reason) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse(filter));
        assertTrue(e.reason().contains(reason), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        List<String> lines = e.getMessage().lines().toList();
        assertEquals(3, lines.size(), e.getMessage());
        assertTrue(lines.get(0).startsWith("filter error at column " + column + ": "), lines.get(0));
        assertEquals("  " + filter, lines.get(1));
        assertEquals("  " + " ".repeat(column - 1) + "^", lines.get(2));
    }

    @Test
    void longFiltersShowAWindowWithTheCaretUnderTheMistake() {
        String filter = "metrics.a > 1 AND ".repeat(20) + "metrics.b >> 2 AND " + "metrics.c > 3 AND ".repeat(20)
                + "metrics.d > 4";
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse(filter));
        List<String> lines = e.getMessage().lines().toList();
        assertTrue(lines.get(1).startsWith("  ...") && lines.get(1).endsWith("..."), lines.get(1));
        int caret = lines.get(2).indexOf('^');
        assertEquals(">", lines.get(1).substring(caret, caret + 1), e.getMessage());
        assertEquals(filter.indexOf(">>") + 2, e.column());
    }

    @Test
    void limitsStopRunawayFilters() {
        assertTrue(assertThrows(
                        FilterSyntaxException.class,
                        () -> FilterParser.parse("(".repeat(100) + "metrics.a > 1" + ")".repeat(100)))
                .reason()
                .contains("nested more than"));
        assertTrue(assertThrows(
                        FilterSyntaxException.class, () -> FilterParser.parse("NOT ".repeat(100) + "metrics.a > 1"))
                .reason()
                .contains("nested more than"));
        assertTrue(assertThrows(
                        FilterSyntaxException.class,
                        () -> FilterParser.parse("metrics.a > 1 OR ".repeat(300) + "metrics.a > 1"))
                .reason()
                .contains("more than 200 comparisons"));
        assertTrue(assertThrows(
                        FilterSyntaxException.class,
                        () -> FilterParser.parse("params.a LIKE '" + "%a".repeat(30) + "'"))
                .reason()
                .contains("at most 20 % wildcards"));
        assertTrue(assertThrows(
                        FilterSyntaxException.class, () -> FilterParser.parse("params.`" + "k".repeat(300) + "` = 'x'"))
                .reason()
                .contains("at most 256 characters"));
        assertEquals(
                Filter.Not.class,
                FilterParser.parse("NOT ".repeat(49) + "metrics.a > 1").getClass());
    }

    @Test
    void orderByKeys() {
        assertEquals(
                List.of(
                        OrderKey.descending(Field.metric("auc")),
                        OrderKey.ascending(Field.param("lr")),
                        OrderKey.ascending(Field.attribute(Attribute.START_TIME))),
                FilterParser.parseOrderBy("metrics.auc DESC, params.lr asc, attributes.start_time"));
        assertEquals(List.of(), FilterParser.parseOrderBy(" "));
        FilterSyntaxException e =
                assertThrows(FilterSyntaxException.class, () -> FilterParser.parseOrderBy("metrics.auc DOWN"));
        assertEquals(13, e.column());
        assertTrue(e.reason().contains("expected ASC, DESC"), e.getMessage());
    }

    @Test
    void handBuiltTreesAreCheckedToo() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Comparison(Field.metric("auc"), Operator.LIKE, new Literal.Text("x")));
        assertTrue(e.getMessage().contains("holds numbers"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Comparison(Field.param("p"), Operator.EQ, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Field(Field.Kind.ATTRIBUTE, "colour"));
    }
}
