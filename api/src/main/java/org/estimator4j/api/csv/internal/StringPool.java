package org.estimator4j.api.csv.internal;

import java.util.Arrays;

/**
 * A small direct-mapped cache of one column's recent strings. Categorical columns repeat a few values millions of
 * times: returning the cached instance saves an allocation per field and shrinks rows held in shuffle buffers. A
 * high-cardinality column just misses and overwrites; the cache never grows.
 */
final class StringPool {
    private static final int SIZE = 1024;
    private static final int MAX_LENGTH = 64;
    private final String[] slots = new String[SIZE];
    // The same strings' chars, so a hit is one vectorised array comparison.
    private final char[][] chars = new char[SIZE][];

    String get(char[] buf, int off, int len) {
        if (len > MAX_LENGTH) {
            return new String(buf, off, len);
        }
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + buf[i];
        }
        int slot = (h ^ (h >>> 16)) & (SIZE - 1);
        char[] cached = chars[slot];
        if (cached != null && cached.length == len && Arrays.equals(cached, 0, len, buf, off, off + len)) {
            return slots[slot];
        }
        String s = new String(buf, off, len);
        slots[slot] = s;
        chars[slot] = Arrays.copyOfRange(buf, off, off + len);
        return s;
    }
}
