package org.estimator4j.store.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles a {@link Filter} to a parameterised SQL condition over the aliases {@code r} ({@code runs}) and, for the
 * experiment attribute only, {@code e} ({@code experiments}), for a query of the form
 * {@code SELECT ... FROM runs r [JOIN experiments e ON e.experiment_id = r.experiment_id] WHERE <condition>}.
 *
 * <p>Metric, param and tag comparisons become semi-joins on {@code latest_metrics}, {@code params} and {@code tags},
 * with the key and the values bound: {@code r.run_id IN (SELECT x.run_id FROM params x WHERE x.param_key = ? AND
 * x.param_value = ?)}. They read the {@code (key, value)} indexes. The subquery does not refer to the outer row, so
 * H2 runs it once per search rather than once per run as it does a correlated {@code EXISTS} (2.5 times less CPU for
 * an OR of three such tests over 10,000 runs, see bench/RESULTS.md); PostgreSQL plans both forms as a (hashed)
 * semi-join. {@code run_id} is never NULL, so {@code NOT (r.run_id IN (...))} is never NULL either.
 *
 * <p>Every condition is two-valued, TRUE or FALSE and never NULL, so {@code NOT} is the plain complement: a nullable
 * attribute compares as {@code (column IS NOT NULL AND column op ?)}. The SQL is portable between H2 2.x and
 * PostgreSQL: no {@code ILIKE} (it is {@code LOWER(column) LIKE ?} with the pattern lowered here) and an explicit
 * {@code ESCAPE '\'}.
 */
public final class FilterCompiler {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();
    private final long staleBeforeMs;

    private FilterCompiler(long staleBeforeMs) {
        this.staleBeforeMs = staleBeforeMs;
    }

    /**
     * @param staleBeforeMs a RUNNING run whose heartbeat is older than this (epoch ms) has the status STALE, as in
     *     listings: {@code attributes.status} compares the status readers are shown
     */
    public static SqlFragment compile(Filter filter, long staleBeforeMs) {
        FilterCompiler c = new FilterCompiler(staleBeforeMs);
        c.emit(filter);
        return new SqlFragment(c.sql.toString(), c.parameters);
    }

    private void emit(Filter filter) {
        if (filter instanceof Filter.And and) {
            junction(and.terms(), " AND ", "1 = 1");
        } else if (filter instanceof Filter.Or or) {
            junction(or.terms(), " OR ", "1 = 0");
        } else if (filter instanceof Filter.Not not) {
            sql.append("NOT (");
            emit(not.term());
            sql.append(')');
        } else {
            comparison((Comparison) filter);
        }
    }

    private void junction(List<Filter> terms, String operator, String empty) {
        if (terms.isEmpty()) {
            sql.append(empty);
            return;
        }
        sql.append('(');
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                sql.append(operator);
            }
            emit(terms.get(i));
        }
        sql.append(')');
    }

    private void comparison(Comparison c) {
        Field field = c.field();
        switch (field.kind()) {
            case METRIC -> keyed(c, "latest_metrics", "metric_key", "metric_value");
            case PARAM -> keyed(c, "params", "param_key", "param_value");
            case TAG -> keyed(c, "tags", "tag_key", "tag_value");
            case ATTRIBUTE -> {
                Attribute a = field.attribute();
                if (a == Attribute.STATUS) {
                    parameters.add(staleBeforeMs); // the expression's placeholder comes before the values'
                    test(c, Attribute.EFFECTIVE_STATUS);
                } else if (a.nullable()) {
                    sql.append('(').append(a.column()).append(" IS NOT NULL AND ");
                    test(c, a.column());
                    sql.append(')');
                } else {
                    test(c, a.column());
                }
            }
        }
    }

    /** {@code r.run_id IN (SELECT x.run_id FROM table x WHERE x.key = ? AND <test on x.value>)}. */
    private void keyed(Comparison c, String table, String keyColumn, String valueColumn) {
        sql.append("r.run_id IN (SELECT x.run_id FROM ")
                .append(table)
                .append(" x WHERE x.")
                .append(keyColumn)
                .append(" = ? AND ");
        parameters.add(c.field().key());
        test(c, "x." + valueColumn);
        sql.append(')');
    }

    /** {@code column op ?} with the values bound; {@code column} is one of the fixed names above. */
    private void test(Comparison c, String column) {
        Operator op = c.operator();
        switch (op) {
            case EQ, NE, LT, LE, GT, GE -> {
                sql.append(column)
                        .append(' ')
                        .append(op == Operator.NE ? "<>" : op.symbol())
                        .append(" ?");
                parameters.add(bindable(c.field(), c.value()));
            }
            case IN, NOT_IN -> {
                sql.append(column).append(op == Operator.IN ? " IN (" : " NOT IN (");
                for (int i = 0; i < c.values().size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                    parameters.add(bindable(c.field(), c.values().get(i)));
                }
                sql.append(')');
            }
            case LIKE, NOT_LIKE, ILIKE, NOT_ILIKE -> {
                boolean ignoreCase = op == Operator.ILIKE || op == Operator.NOT_ILIKE;
                boolean negated = op == Operator.NOT_LIKE || op == Operator.NOT_ILIKE;
                String pattern = LikePattern.canonical(((Literal.Text) c.value()).value());
                sql.append(ignoreCase ? "LOWER(" + column + ")" : column)
                        .append(negated ? " NOT LIKE ?" : " LIKE ?")
                        .append(" ESCAPE '\\'");
                parameters.add(ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern);
            }
        }
    }

    /** Metric values bind as doubles, whole-number attributes as longs, strings as strings. */
    private static Object bindable(Field field, Literal literal) {
        if (literal instanceof Literal.Text text) {
            return text.value();
        }
        Literal.Number number = (Literal.Number) literal;
        return field.kind() == Field.Kind.ATTRIBUTE
                ? (Object) number.value().longValueExact()
                : (Object) number.value().doubleValue();
    }
}
