package org.estimator4j.features;

import java.util.Comparator;

/**
 * How TensorFlow orders column names ({@code sorted(..., key=lambda x: x.name)}): Python compares strings by code
 * point, which differs from {@link String#compareTo} (UTF-16 units) when one name has a character beyond U+FFFF and
 * the other one in U+E000..U+FFFF at the same place.
 */
public final class ColumnNames {
    /** Python's (and so TensorFlow's) order of names. */
    public static final Comparator<String> ORDER = ColumnNames::compare;

    private ColumnNames() {}

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
