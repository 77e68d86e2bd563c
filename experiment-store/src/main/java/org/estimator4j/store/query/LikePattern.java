package org.estimator4j.store.query;

import java.util.Optional;

/**
 * LIKE patterns as a filter writes them ({@code %} any run of characters, {@code _} one character, a backslash
 * escapes the next character) and as the compiler sends them: with only {@code %}, {@code _} and the backslash
 * escaped, and {@code ESCAPE '\'} spelled out. H2 and PostgreSQL then read them alike, and a pattern the database
 * would reject (a trailing backslash) is caught here, with a column to show.
 */
final class LikePattern {
    private LikePattern() {}

    static Optional<String> problem(String pattern) {
        int wildcards = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i == pattern.length() - 1) {
                    return Optional.of("a LIKE pattern cannot end with a lone backslash (it escapes the next"
                            + " character); write \\\\ for a backslash");
                }
                i++;
            } else if (c == '%' && ++wildcards > Comparison.MAX_WILDCARDS) {
                return Optional.of("a LIKE pattern may hold at most " + Comparison.MAX_WILDCARDS + " % wildcards");
            }
        }
        return Optional.empty();
    }

    /** The pattern with exactly the escapes {@code ESCAPE '\'} needs; assumes {@link #problem} found none. */
    static String canonical(String pattern) {
        StringBuilder b = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                char next = pattern.charAt(++i);
                if (next == '%' || next == '_' || next == '\\') {
                    b.append('\\');
                }
                b.append(next);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
