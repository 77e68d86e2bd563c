package org.estimator4j.store.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses the filter language: MLflow's {@code search_runs} syntax plus {@code OR}, {@code NOT} and parentheses.
 *
 * <pre>
 * filter     := [or] END
 * or         := and ("OR" and)*
 * and        := unary ("AND" unary)*
 * unary      := "NOT" unary | "(" or ")" | comparison
 * comparison := field op value | field ["NOT"] "IN" "(" value ("," value)* ")" | field ["NOT"] ("LIKE" | "ILIKE") string
 * field      := kind "." (key | `quoted key` | "quoted key")     kind: metrics params tags attributes (or singular)
 * op         := "=" | "==" | "!=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * value      := number | 'string' ('' escapes a quote) | "string"
 * </pre>
 *
 * Keywords and kinds ignore case; keys do not. Metrics compare with numbers, params and tags with strings, as in
 * MLflow; attributes by their type ({@link Attribute}). Limits keep a filter from becoming a denial of service:
 * {@value #MAX_DEPTH} levels of parentheses and NOT, {@value #MAX_COMPARISONS} comparisons, {@value #MAX_VALUES}
 * values in all.
 */
public final class FilterParser {

    public static final int MAX_DEPTH = 50;
    public static final int MAX_COMPARISONS = 200;
    public static final int MAX_VALUES = 2000;
    public static final int MAX_ORDER_KEYS = 10;

    private final String source;
    private final List<Token> tokens;
    private int index;
    private int comparisons;
    private int values;

    private FilterParser(String source) {
        this.source = source;
        this.tokens = Lexer.tokens(source);
    }

    /**
     * Parses a filter; a blank one matches every run ({@link Filter#MATCH_ALL}).
     *
     * @throws FilterSyntaxException naming the column of the first mistake
     */
    public static Filter parse(String filter) {
        FilterParser p = new FilterParser(filter);
        if (p.peek().type() == Token.Type.END) {
            return Filter.MATCH_ALL;
        }
        Filter result = p.or(0);
        Token end = p.peek();
        if (end.type() == Token.Type.RIGHT_PAREN) {
            throw p.error(end, "this ')' closes no '('");
        }
        if (end.type() != Token.Type.END) {
            throw p.error(end, "expected AND, OR or the end of the filter, found " + end.describe(filter));
        }
        return result;
    }

    /**
     * Parses sort keys: {@code metrics.auc DESC, attributes.start_time}. Each key sorts ascending unless followed by
     * {@code DESC}; a blank text means no keys.
     *
     * @throws FilterSyntaxException naming the column of the first mistake
     */
    public static List<OrderKey> parseOrderBy(String orderBy) {
        FilterParser p = new FilterParser(orderBy);
        List<OrderKey> keys = new ArrayList<>();
        if (p.peek().type() == Token.Type.END) {
            return List.of();
        }
        while (true) {
            Token first = p.peek();
            if (keys.size() == MAX_ORDER_KEYS) {
                throw p.error(first, "at most " + MAX_ORDER_KEYS + " sort keys");
            }
            Field field = p.field();
            boolean ascending = true;
            if (p.peek().isKeyword("ASC") || p.peek().isKeyword("DESC")) {
                ascending = p.next().isKeyword("ASC");
            }
            keys.add(new OrderKey(field, ascending));
            Token t = p.next();
            if (t.type() == Token.Type.END) {
                return List.copyOf(keys);
            }
            if (t.type() != Token.Type.COMMA) {
                throw p.error(t, "expected ASC, DESC, ',' or the end of the sort keys, found " + t.describe(orderBy));
            }
        }
    }

    private Filter or(int depth) {
        List<Filter> terms = new ArrayList<>();
        terms.add(and(depth));
        while (peek().isKeyword("OR")) {
            next();
            terms.add(and(depth));
        }
        return terms.size() == 1 ? terms.get(0) : new Filter.Or(terms);
    }

    private Filter and(int depth) {
        List<Filter> terms = new ArrayList<>();
        terms.add(unary(depth));
        while (peek().isKeyword("AND")) {
            next();
            terms.add(unary(depth));
        }
        return terms.size() == 1 ? terms.get(0) : new Filter.And(terms);
    }

    private Filter unary(int depth) {
        Token t = peek();
        if (t.isKeyword("NOT") || t.type() == Token.Type.LEFT_PAREN) {
            if (depth >= MAX_DEPTH) {
                throw error(
                        t,
                        "nested more than " + MAX_DEPTH + " levels deep (parentheses and NOT); simplify the"
                                + " filter");
            }
            next();
            if (t.isKeyword("NOT")) {
                return new Filter.Not(unary(depth + 1));
            }
            Filter inner = or(depth + 1);
            Token close = next();
            if (close.type() != Token.Type.RIGHT_PAREN) {
                throw error(
                        close,
                        "expected ')' to close the '(' at column " + (t.start() + 1) + ", found "
                                + close.describe(source));
            }
            return inner;
        }
        return comparison();
    }

    private Comparison comparison() {
        Token fieldToken = peek();
        if (++comparisons > MAX_COMPARISONS) {
            throw error(
                    fieldToken,
                    "more than " + MAX_COMPARISONS + " comparisons; narrow the filter or split the" + " search");
        }
        Field field = field();
        Token opToken = next();
        Operator op = operator(opToken, field);
        Comparison.operatorProblem(field, op).ifPresent(problem -> {
            throw error(opToken, problem);
        });
        List<Literal> literals = new ArrayList<>();
        if (op.takesList()) {
            Token open = next();
            if (open.type() != Token.Type.LEFT_PAREN) {
                throw error(
                        open,
                        op + " takes a list in parentheses, as in " + field + " " + op + " ("
                                + (field.numeric() ? "1, 2" : "'a', 'b'") + "); found " + open.describe(source));
            }
            do {
                literals.add(value(field, op));
            } while (peekThenSkip(Token.Type.COMMA));
            Token close = next();
            if (close.type() != Token.Type.RIGHT_PAREN) {
                throw error(close, "expected ',' or ')' in the " + op + " list, found " + close.describe(source));
            }
        } else {
            literals.add(value(field, op));
        }
        return new Comparison(field, op, literals);
    }

    private Field field() {
        Token t = next();
        if (t.type() == Token.Type.WORD && !isKeyword(t)) {
            throw error(
                    t,
                    "a field names its kind: metrics." + t.text() + ", params." + t.text() + ", tags." + t.text()
                            + " or attributes.<name>");
        }
        if (t.type() != Token.Type.FIELD) {
            throw error(t, "expected a condition such as metrics.auc > 0.8, NOT or '(', found " + t.describe(source));
        }
        Field.Kind kind = kind(t.text())
                .orElseThrow(() -> error(
                        t,
                        "unknown kind '" + t.text()
                                + "'; write metrics., params., tags. or attributes. before the key"));
        String key = t.value();
        if (key.length() > Field.MAX_KEY_LENGTH) {
            throw new FilterSyntaxException(
                    source,
                    t.keyStart(),
                    "a key has at most " + Field.MAX_KEY_LENGTH + " characters, this one " + key.length());
        }
        if (kind == Field.Kind.ATTRIBUTE && Attribute.byName(key).isEmpty()) {
            throw new FilterSyntaxException(source, t.keyStart(), Attribute.unknownMessage(key));
        }
        return new Field(kind, key);
    }

    private Operator operator(Token t, Field field) {
        if (t.type() == Token.Type.OPERATOR) {
            return switch (t.text()) {
                case "=" -> Operator.EQ;
                case "!=" -> Operator.NE;
                case "<" -> Operator.LT;
                case "<=" -> Operator.LE;
                case ">" -> Operator.GT;
                case ">=" -> Operator.GE;
                default -> throw new IllegalStateException("lexer made operator " + t.text());
            };
        }
        boolean negated = t.isKeyword("NOT");
        Token word = negated ? next() : t;
        if (word.isKeyword("IN")) {
            return negated ? Operator.NOT_IN : Operator.IN;
        }
        if (word.isKeyword("LIKE")) {
            return negated ? Operator.NOT_LIKE : Operator.LIKE;
        }
        if (word.isKeyword("ILIKE")) {
            return negated ? Operator.NOT_ILIKE : Operator.ILIKE;
        }
        if (negated) {
            throw error(word, "expected IN, LIKE or ILIKE after NOT, found " + word.describe(source));
        }
        throw error(
                t,
                "expected an operator after " + field + " ("
                        + (field.numeric()
                                ? "=, !=, <, <=, >, >=, IN, NOT IN"
                                : "=, !=, LIKE, ILIKE, IN, NOT LIKE, NOT ILIKE, NOT IN")
                        + "), found " + t.describe(source));
    }

    private Literal value(Field field, Operator op) {
        Token t = next();
        Literal literal = switch (t.type()) {
            case NUMBER -> new Literal.Number(new BigDecimal(t.text()));
            case STRING -> new Literal.Text(t.value());
            default -> throw error(t, "expected a value (a number or a 'quoted string'), found " + t.describe(source));
        };
        if (++values > MAX_VALUES) {
            throw error(
                    t, "more than " + MAX_VALUES + " values in one filter; narrow the filter or split the" + " search");
        }
        Optional<String> problem = Comparison.valueProblem(field, op, literal);
        if (problem.isPresent()) {
            throw error(t, problem.get());
        }
        return literal;
    }

    private static Optional<Field.Kind> kind(String word) {
        return Optional.ofNullable(
                switch (word.toLowerCase(Locale.ROOT)) {
                    case "metrics", "metric" -> Field.Kind.METRIC;
                    case "params", "param", "parameters", "parameter" -> Field.Kind.PARAM;
                    case "tags", "tag" -> Field.Kind.TAG;
                    case "attributes", "attribute", "attr", "run" -> Field.Kind.ATTRIBUTE;
                    default -> null;
                });
    }

    private static boolean isKeyword(Token t) {
        for (String k : new String[] {"AND", "OR", "NOT", "IN", "LIKE", "ILIKE", "ASC", "DESC"}) {
            if (t.isKeyword(k)) {
                return true;
            }
        }
        return false;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token t = tokens.get(index);
        if (t.type() != Token.Type.END) {
            index++;
        }
        return t;
    }

    private boolean peekThenSkip(Token.Type type) {
        if (peek().type() == type) {
            next();
            return true;
        }
        return false;
    }

    private FilterSyntaxException error(Token t, String reason) {
        return new FilterSyntaxException(source, t.start(), reason);
    }
}
