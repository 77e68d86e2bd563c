package org.estimator4j.store.query;

import java.util.List;
import java.util.Objects;

/**
 * A parsed filter: comparisons combined with {@code AND}, {@code OR} and {@code NOT}. Immutable; built by
 * {@link FilterParser#parse} or by hand (the records check what they can, the compiler trusts them).
 *
 * <p>{@code NOT} is the logical complement: {@code NOT metrics.auc > 0.8} also matches runs that never logged
 * {@code auc}, while the negative operators ({@code !=}, {@code NOT IN}, {@code NOT LIKE}, {@code NOT ILIKE}) need the
 * run to have the key, as in MLflow.
 */
public sealed interface Filter permits Filter.And, Filter.Or, Filter.Not, Comparison {

    /** Matches every run: what an empty filter parses to. */
    Filter MATCH_ALL = new And(List.of());

    /** All terms hold; no terms holds trivially. */
    record And(List<Filter> terms) implements Filter {
        public And {
            terms = List.copyOf(terms);
        }

        @Override
        public String toString() {
            return terms.isEmpty() ? "TRUE" : join(terms, " AND ");
        }
    }

    /** At least one term holds; needs at least one term. */
    record Or(List<Filter> terms) implements Filter {
        public Or {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("OR needs at least one term");
            }
        }

        @Override
        public String toString() {
            return join(terms, " OR ");
        }
    }

    /** The term does not hold (including: the run lacks the key the term compares). */
    record Not(Filter term) implements Filter {
        public Not {
            Objects.requireNonNull(term, "term");
        }

        @Override
        public String toString() {
            return "NOT " + wrap(term);
        }
    }

    private static String join(List<Filter> terms, String separator) {
        StringBuilder b = new StringBuilder();
        for (Filter term : terms) {
            if (!b.isEmpty()) {
                b.append(separator);
            }
            b.append(wrap(term));
        }
        return b.toString();
    }

    /** Parenthesises compound terms, so {@code toString()} parses back to the same tree. */
    private static String wrap(Filter term) {
        return term instanceof Comparison ? term.toString() : "(" + term + ")";
    }
}
