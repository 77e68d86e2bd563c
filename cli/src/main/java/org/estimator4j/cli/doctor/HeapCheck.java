package org.estimator4j.cli.doctor;

import java.util.Locale;

/** The JVM's max heap: datasets and the models' arrays live here (bin/e4j sets -XX:MaxRAMPercentage=50). */
public final class HeapCheck implements Check {

    /** Below this, even small tabular datasets and a model do not fit comfortably. */
    static final long MINIMUM_BYTES = 1L << 30;

    private final long maxHeapBytes;

    /** The running JVM. */
    public HeapCheck() {
        this(Runtime.getRuntime().maxMemory());
    }

    public HeapCheck(long maxHeapBytes) {
        this.maxHeapBytes = maxHeapBytes;
    }

    @Override
    public String name() {
        return "Max heap";
    }

    @Override
    public CheckResult run() {
        String size = gib(maxHeapBytes);
        if (maxHeapBytes < MINIMUM_BYTES) {
            return CheckResult.warn(size
                    + " is below "
                    + gib(MINIMUM_BYTES)
                    + ": give the JVM more, e.g. E4J_JAVA_OPTS=-Xmx4g bin/e4j ...");
        }
        return CheckResult.ok(size);
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
