package org.estimator4j.api.csv.internal;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import ch.randelshofer.fastdoubleparser.JavaFloatParser;

/**
 * Parses numbers straight from the parser's char buffer: no String per field. Doubles and floats go through
 * fastdoubleparser, which is correctly rounded like {@link Double#parseDouble}.
 */
final class FieldText {
    private FieldText() {}

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** True when the chars are an optionally signed decimal integer that fits in a long. */
    static boolean isLong(char[] buf, int off, int len) {
        try {
            parseLong(buf, off, len);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static long parseLong(char[] buf, int off, int len) {
        if (len == 0) {
            throw new NumberFormatException("empty");
        }
        int i = off;
        int end = off + len;
        boolean negative = false;
        char first = buf[i];
        if (first == '-' || first == '+') {
            negative = first == '-';
            if (++i == end) {
                throw new NumberFormatException("sign only");
            }
        }
        // Accumulate negatively so that Long.MIN_VALUE parses.
        long result = 0;
        for (; i < end; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException("not a digit");
            }
            if (result < (Long.MIN_VALUE + d) / 10) {
                throw new NumberFormatException("out of int64 range");
            }
            result = result * 10 - d;
        }
        if (!negative) {
            if (result == Long.MIN_VALUE) {
                throw new NumberFormatException("out of int64 range");
            }
            return -result;
        }
        return result;
    }

    static boolean isDouble(char[] buf, int off, int len) {
        try {
            JavaDoubleParser.parseDouble(buf, off, len);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static double parseDouble(char[] buf, int off, int len) {
        return JavaDoubleParser.parseDouble(buf, off, len);
    }

    static float parseFloat(char[] buf, int off, int len) {
        return JavaFloatParser.parseFloat(buf, off, len);
    }
}
