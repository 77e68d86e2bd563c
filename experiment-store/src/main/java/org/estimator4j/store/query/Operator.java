package org.estimator4j.store.query;

/**
 * Comparison operators. Numbers (metrics, times) take the ordering operators; strings (params, tags, names, ids,
 * status) take equality, {@code LIKE} and {@code ILIKE}; both take {@code IN}. The negative forms need the run to have
 * the key: {@code params.optimizer != 'adam'} skips runs without an optimizer param, as MLflow does.
 */
public enum Operator {
    EQ("=", true, true),
    NE("!=", true, true),
    LT("<", true, false),
    LE("<=", true, false),
    GT(">", true, false),
    GE(">=", true, false),
    LIKE("LIKE", false, true),
    NOT_LIKE("NOT LIKE", false, true),
    ILIKE("ILIKE", false, true),
    NOT_ILIKE("NOT ILIKE", false, true),
    IN("IN", true, true),
    NOT_IN("NOT IN", true, true);

    private final String symbol;
    private final boolean forNumbers;
    private final boolean forStrings;

    Operator(String symbol, boolean forNumbers, boolean forStrings) {
        this.symbol = symbol;
        this.forNumbers = forNumbers;
        this.forStrings = forStrings;
    }

    /** How a filter writes it. */
    public String symbol() {
        return symbol;
    }

    public boolean appliesTo(boolean numeric) {
        return numeric ? forNumbers : forStrings;
    }

    /** {@code IN} and {@code NOT IN} take a parenthesised list; the others one value. */
    public boolean takesList() {
        return this == IN || this == NOT_IN;
    }

    public boolean isPattern() {
        return this == LIKE || this == NOT_LIKE || this == ILIKE || this == NOT_ILIKE;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
