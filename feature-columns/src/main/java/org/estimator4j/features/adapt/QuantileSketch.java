package org.estimator4j.features.adapt;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.apache.datasketches.kll.KllFloatsSketch;
import org.apache.datasketches.kll.KllSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * A mergeable streaming quantile sketch (KLL: Karnin, Lang and Liberty, 2016), Apache DataSketches'
 * {@link KllFloatsSketch}: memory grows with the logarithm of the count, ranks are off by about 1.65/k of the count,
 * and two sketches of separate data merge into one of both, so parallel passes can be combined. Exact while it holds
 * no more than k values. NaN values are skipped.
 *
 * <p>Reproducible: the same seed and the same values in the same order give the same quantiles. DataSketches draws
 * its compactions' coin flips from one unseeded {@link Random} that every KLL sketch in the JVM shares, so this class
 * hands values to its sketch in blocks and, under a lock, reseeds that shared random from its own seed stream before
 * each block: what a block does then depends only on the sketch's state, the block and the seed.
 */
public final class QuantileSketch {
    /** Values buffered between two hand-overs: large enough that the lock and the reseed cost nothing per value. */
    private static final int BLOCK = 4096;

    private static final Random SHARED_COINS = sharedCoins();
    /** DataSketches' smallest k (its minimum level width). */
    private static final int MIN_K = 8;

    private final SplittableRandom seeds;
    private final KllFloatsSketch sketch;
    private final float[] block = new float[BLOCK];
    private int blockSize;

    public QuantileSketch(int k, long seed) {
        if (k < MIN_K || k > KllSketch.MAX_K) {
            throw new IllegalArgumentException("k must be in [" + MIN_K + ", " + KllSketch.MAX_K + "], got " + k);
        }
        this.seeds = new SplittableRandom(seed);
        this.sketch = KllFloatsSketch.newHeapInstance(k);
    }

    public long count() {
        return sketch.getN() + blockSize;
    }

    public void add(float value) {
        if (Float.isNaN(value)) {
            return;
        }
        block[blockSize++] = value;
        if (blockSize == BLOCK) {
            flush();
        }
    }

    /** Adds everything {@code other} has seen. */
    public void merge(QuantileSketch other) {
        if (other == this) {
            throw new IllegalArgumentException("a sketch cannot be merged into itself");
        }
        flush();
        other.flush();
        synchronized (SHARED_COINS) {
            SHARED_COINS.setSeed(seeds.nextLong());
            sketch.merge(other.sketch);
        }
    }

    /**
     * The value at each rank fraction in {@code fractions} (each in [0, 1]): the smallest value that more than that
     * fraction of the count is less than or equal to, or the largest value for 1; NaN for each when the sketch is
     * empty.
     */
    public float[] quantiles(double... fractions) {
        for (double f : fractions) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("quantile fractions must be in [0, 1], got " + f);
            }
        }
        flush();
        if (sketch.isEmpty()) {
            float[] none = new float[fractions.length];
            Arrays.fill(none, Float.NaN);
            return none;
        }
        return sketch.getQuantiles(fractions, QuantileSearchCriteria.EXCLUSIVE);
    }

    /** How many values the sketch holds: all of them up to k, then never more than about 3k plus 8 a level. */
    public int retained() {
        return sketch.getNumRetained() + blockSize;
    }

    private void flush() {
        if (blockSize == 0) {
            return;
        }
        synchronized (SHARED_COINS) {
            SHARED_COINS.setSeed(seeds.nextLong());
            sketch.update(block, 0, blockSize);
        }
        blockSize = 0;
    }

    private static Random sharedCoins() {
        try {
            Field field = KllSketch.class.getDeclaredField("random");
            field.setAccessible(true);
            return (Random) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot reach DataSketches' KllSketch.random, which QuantileSketch reseeds "
                            + "to make learned quantiles reproducible; this DataSketches version ("
                            + KllSketch.class.getPackage().getImplementationVersion()
                            + ") is not the one the build declares: use that one",
                    e);
        }
    }
}
