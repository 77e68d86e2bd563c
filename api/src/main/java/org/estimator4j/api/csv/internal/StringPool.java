package org.estimator4j.api.csv.internal;

/**
 * A small direct-mapped cache of one column's recent strings. Categorical columns repeat a few values millions of
 * times: returning the cached instance saves an allocation per field and shrinks rows held in shuffle buffers. A
 * high-cardinality column just misses and overwrites; the cache never grows.
 */
final class StringPool {
    private static final int SIZE = 1024;
    private static final int MAX_LENGTH = 64;
    private final String[] slots = new String[SIZE];

    String get(char[] buf, int off, int len) {
        if (len > MAX_LENGTH) {
            return new String(buf, off, len);
        }
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + buf[i];
        }
        int slot = (h ^ (h >>> 16)) & (SIZE - 1);
        String s = slots[slot];
        if (s != null && s.length() == len && matches(s, buf, off, len)) {
            return s;
        }
        s = new String(buf, off, len);
        slots[slot] = s;
        return s;
    }

    private static boolean matches(String s, char[] buf, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != buf[off + i]) {
                return false;
            }
        }
        return true;
    }
}
