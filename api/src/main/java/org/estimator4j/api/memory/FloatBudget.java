package org.estimator4j.api.memory;

/**
 * The largest float array a model may allocate, checked before allocating it: sizes come from configs, column JSON
 * and {@code model.json}, and a table of 2^40 rows or a layer of 2e9 units must be refused with a message naming the
 * value, not end in {@code OutOfMemoryError} or {@code NegativeArraySizeException} from an overflowed int.
 *
 * <p>One array may take a quarter of the JVM's max heap (training keeps the values beside optimizer slots and
 * gradients of the same size) and no more than a Java array holds.
 *
 * @since 0.1.0
 */
public final class FloatBudget {
    /** One array may take 1/{@value} of the max heap. */
    public static final int HEAP_SHARE = 4;

    private FloatBudget() {}

    /** The most floats one array may hold in this JVM. */
    public static long maxFloats() {
        return Math.min(Integer.MAX_VALUE - 8L, Runtime.getRuntime().maxMemory() / HEAP_SHARE / Float.BYTES);
    }

    /**
     * Null when {@code rows × columns} floats fit {@link #maxFloats()}, else why not, e.g. "1099511627776 x 2 =
     * 2199023255552 floats (8388608 MB), over the limit of 268435456 floats (1024 MB: a quarter of the JVM's 4096 MB
     * max heap; raise it with -Xmx)". Negative or overflowing products count as too large.
     */
    public static String tooLarge(long rows, long columns) {
        long floats;
        try {
            floats = Math.multiplyExact(rows, columns);
        } catch (ArithmeticException overflow) {
            floats = Long.MAX_VALUE;
        }
        long limit = maxFloats();
        if (floats >= 0 && floats <= limit) {
            return null;
        }
        String product = floats == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : Long.toString(floats);
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        return rows + " x " + columns + " = " + product + " floats (" + megabytes(floats) + "), over the limit of "
                + limit + " floats (" + megabytes(limit)
                + (limit == Integer.MAX_VALUE - 8L
                        ? ": the largest Java array)"
                        : ": a quarter of the JVM's " + heapMb
                                + " MB max heap; raise it with -Xmx, for bin/e4j in E4J_JAVA_OPTS)");
    }

    /** {@code rows × columns} as an array length; IllegalArgumentException naming {@code what} when too large. */
    public static int floats(long rows, long columns, String what) {
        String problem = tooLarge(rows, columns);
        if (problem != null) {
            throw new IllegalArgumentException(what + ": " + problem);
        }
        return (int) (rows * columns);
    }

    private static String megabytes(long floats) {
        return floats == Long.MAX_VALUE ? "too many MB" : (floats / (1 << 20) * Float.BYTES) + " MB";
    }
}
