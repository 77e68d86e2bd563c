package org.estimator4j.api.table;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a row was read from (a file and a 1-based line), packed into one {@code long} so that it travels with its
 * {@link Example} through shuffle buffers and into a {@link Batch} without an object per row. A batch keeps its rows'
 * origins in one {@code long[]}; errors raised after batching (a bad label, a missing or non-finite feature) name
 * {@code file:line} instead of a position inside a shuffled batch.
 *
 * <p>Sources are numbered by a process-wide table (one entry per file a process reads, never removed): the packed
 * value holds the source number + 1 in its high 24 bits and the line in its low 40 bits. {@link #UNKNOWN} (0) means
 * the row was not read from a file (in-memory data, a map given to a predictor).
 *
 * @since 0.1.0
 */
public final class RowOrigin {
    /** The origin of a row that was not read from a file. */
    public static final long UNKNOWN = 0;

    private static final int LINE_BITS = 40;
    private static final long LINE_MASK = (1L << LINE_BITS) - 1;
    private static final int MAX_SOURCES = (1 << 24) - 1;
    private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();
    private static final Object LOCK = new Object();
    // Names by number, read without a lock: an entry is written before count grows past it, and a grown array is a
    // copy made under the lock, so a reader that sees count also sees the entries below it.
    private static volatile String[] names = new String[16];
    private static volatile int count;

    private RowOrigin() {}

    /** The number of {@code source} (a file name as errors should show it), registering it on first use. */
    public static int source(String source) {
        Integer known = IDS.get(source);
        if (known != null) {
            return known;
        }
        synchronized (LOCK) {
            return IDS.computeIfAbsent(source, s -> {
                int id = count;
                if (id == MAX_SOURCES) {
                    return -1; // more files than a process can name: their rows go unnamed
                }
                if (id == names.length) {
                    names = Arrays.copyOf(names, Math.min(MAX_SOURCES, id * 2));
                }
                names[id] = s;
                count = id + 1;
                return id;
            });
        }
    }

    /** Line {@code line} (1-based) of the source numbered {@code source}; UNKNOWN when either is out of range. */
    public static long of(int source, long line) {
        if (source < 0 || source >= MAX_SOURCES || line <= 0 || line > LINE_MASK) {
            return UNKNOWN;
        }
        return ((long) (source + 1) << LINE_BITS) | line;
    }

    /** The source's name, or null for UNKNOWN. */
    public static String sourceName(long origin) {
        int id = (int) (origin >>> LINE_BITS) - 1;
        if (id < 0) {
            return null;
        }
        int known = count;
        return id < known ? names[id] : null;
    }

    /** The 1-based line, or 0 for UNKNOWN. */
    public static long line(long origin) {
        return origin == UNKNOWN ? 0 : origin & LINE_MASK;
    }

    /** {@code file:line}, or null for UNKNOWN. */
    public static String describe(long origin) {
        String source = sourceName(origin);
        return source == null ? null : source + ":" + line(origin);
    }
}
