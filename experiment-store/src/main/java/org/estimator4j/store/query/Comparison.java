package org.estimator4j.store.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One test on one field: {@code metrics.auc > 0.85}, {@code params.optimizer IN ('adam', 'sgd')}. The constructor
 * rejects what could not run (a string compared with a metric, {@code LIKE} on a number, ...) with the same
 * message {@link FilterParser} shows, so hand-built trees fail as clearly as typed ones.
 */
public record Comparison(Field field, Operator operator, List<Literal> values) implements Filter {

    /** The longest string a param or tag holds; a longer literal could never match. */
    public static final int MAX_STRING_LENGTH = 8000;

    /** At most this many {@code %} in a LIKE pattern: each one multiplies the work of matching it. */
    public static final int MAX_WILDCARDS = 20;

    public Comparison {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
        Optional<String> problem = operatorProblem(field, operator);
        if (problem.isEmpty() && (values.isEmpty() || (!operator.takesList() && values.size() != 1))) {
            problem = Optional.of(operator + " takes " + (operator.takesList() ? "a list of values" : "one value")
                    + ", got " + values.size());
        }
        for (int i = 0; problem.isEmpty() && i < values.size(); i++) {
            problem = valueProblem(field, operator, values.get(i));
        }
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    public Comparison(Field field, Operator operator, Literal value) {
        this(field, operator, List.of(value));
    }

    /** The single value of a non-list operator. */
    public Literal value() {
        return values.get(0);
    }

    /** Why {@code operator} cannot compare {@code field}, if it cannot. */
    static Optional<String> operatorProblem(Field field, Operator operator) {
        if (operator.appliesTo(field.numeric())) {
            return Optional.empty();
        }
        if (field.numeric()) {
            return Optional.of(
                    field + " holds numbers, which " + operator + " does not compare; use =, !=, <, <=, >, >= or IN");
        }
        return Optional.of(field + " holds strings, which " + operator
                + " does not compare; use =, !=, LIKE, ILIKE or IN (e.g. " + field + " = '0.01')");
    }

    /** Why {@code value} cannot be compared with {@code field}, if it cannot. */
    static Optional<String> valueProblem(Field field, Operator operator, Literal value) {
        if (field.numeric()) {
            boolean whole = field.kind() == Field.Kind.ATTRIBUTE;
            String example = whole ? field + " > 1700000000000" : field + " > 0.5";
            if (!(value instanceof Literal.Number number)) {
                return Optional.of(field + " holds " + (whole ? "whole numbers" : "numbers")
                        + ": compare it with a number, not a string (e.g. " + example + ")");
            }
            if (whole && !number.isLong()) {
                return Optional.of(field + " holds whole numbers"
                        + (field.attribute() == Attribute.EXPERIMENT_ID ? "" : " (epoch milliseconds)")
                        + ": " + number + " is not one within range (e.g. " + example + ")");
            }
            if (!whole && !number.isFiniteDouble()) {
                return Optional.of(number + " is out of the range of a metric value (a double)");
            }
            return Optional.empty();
        }
        if (!(value instanceof Literal.Text text)) {
            return Optional.of(field + " holds strings: quote the value, e.g. " + field + " = '" + value + "'");
        }
        if (text.value().length() > MAX_STRING_LENGTH) {
            return Optional.of("a string of " + text.value().length() + " characters can match nothing: the store"
                    + " holds values of at most " + MAX_STRING_LENGTH);
        }
        if (operator.isPattern()) {
            return LikePattern.problem(text.value());
        }
        return Optional.empty();
    }

    /** {@code metrics.auc > 0.85}, {@code params.optimizer IN ('adam', 'sgd')}. */
    @Override
    public String toString() {
        String right = operator.takesList()
                ? values.stream().map(Literal::toString).collect(Collectors.joining(", ", "(", ")"))
                : values.get(0).toString();
        return field + " " + operator + " " + right;
    }
}
