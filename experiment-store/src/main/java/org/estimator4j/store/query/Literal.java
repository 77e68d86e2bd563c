package org.estimator4j.store.query;

import java.math.BigDecimal;
import java.util.Objects;

/** A value in a filter: a number or a string. */
public sealed interface Literal permits Literal.Number, Literal.Text {

    /** A number, kept exact: metrics compare it as a double, times and ids as a whole number. */
    record Number(BigDecimal value) implements Literal {
        public Number {
            Objects.requireNonNull(value, "value");
        }

        public static Number of(double value) {
            return new Number(BigDecimal.valueOf(value));
        }

        /** Whether it is a whole number a BIGINT column holds. */
        public boolean isLong() {
            try {
                value.longValueExact();
                return true;
            } catch (ArithmeticException e) {
                return false;
            }
        }

        /** Whether it is a finite double (metric values are DOUBLE PRECISION). */
        public boolean isFiniteDouble() {
            return Double.isFinite(value.doubleValue());
        }

        /** Numeric equality: {@code 1} equals {@code 1.0} (BigDecimal's own equals would tell them apart). */
        @Override
        public boolean equals(Object other) {
            return other instanceof Number n && value.compareTo(n.value) == 0;
        }

        @Override
        public int hashCode() {
            return value.stripTrailingZeros().hashCode();
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** A string, unescaped. */
    record Text(String value) implements Literal {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        /** Single-quoted with {@code ''} escapes, as a filter writes it. */
        @Override
        public String toString() {
            return "'" + value.replace("'", "''") + "'";
        }
    }
}
