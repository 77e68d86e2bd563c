package org.estimator4j.bench.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The hand-written KLL sketch that {@code features.adapt.QuantileSketch} was until issue 14 replaced it with Apache
 * DataSketches' one, kept unchanged (plus {@link #retained}) so {@link QuantileSketchBench} can still compare the two.
 *
 * <p>A mergeable streaming quantile sketch (KLL: Karnin, Lang and Liberty, 2016): memory grows with the logarithm of
 * the count, ranks are off by about 1.65/k of the count, and two sketches of separate data merge into one of both,
 * so parallel passes can be combined. Exact while it holds fewer values than its first level's capacity.
 */
public final class HandWrittenKllSketch {
    private final int k;
    private final SplittableRandom random;
    // levels.get(h) holds values of weight 2^h; sizes.get(h) of them are used.
    private final List<float[]> levels = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();
    private long count;

    public HandWrittenKllSketch(int k, long seed) {
        if (k < 8) {
            throw new IllegalArgumentException("k must be >= 8, got " + k);
        }
        this.k = k;
        this.random = new SplittableRandom(seed);
        addLevel();
    }

    public long count() {
        return count;
    }

    /** How many values the levels hold (the memory measure). */
    public int retained() {
        int total = 0;
        for (int s : sizes) {
            total += s;
        }
        return total;
    }

    public void add(float value) {
        if (Float.isNaN(value)) {
            return;
        }
        append(0, value);
        count++;
        compressIfNeeded();
    }

    /** Adds everything {@code other} has seen. */
    public void merge(HandWrittenKllSketch other) {
        for (int h = 0; h < other.levels.size(); h++) {
            while (levels.size() <= h) {
                addLevel();
            }
            float[] values = other.levels.get(h);
            for (int i = 0; i < other.sizes.get(h); i++) {
                append(h, values[i]);
            }
        }
        count += other.count;
        compressIfNeeded();
    }

    /** The value at each rank fraction in {@code fractions} (each in [0, 1]). */
    public float[] quantiles(double... fractions) {
        int total = 0;
        for (int s : sizes) {
            total += s;
        }
        float[] values = new float[total];
        long[] weights = new long[total];
        int n = 0;
        for (int h = 0; h < levels.size(); h++) {
            for (int i = 0; i < sizes.get(h); i++) {
                values[n] = levels.get(h)[i];
                weights[n++] = 1L << h;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(values[a], values[b]));
        long weightTotal = 0;
        for (long w : weights) {
            weightTotal += w;
        }
        float[] out = new float[fractions.length];
        for (int q = 0; q < fractions.length; q++) {
            double target = fractions[q] * weightTotal;
            long cumulative = 0;
            out[q] = n == 0 ? Float.NaN : values[order[n - 1]];
            for (int i = 0; i < n; i++) {
                cumulative += weights[order[i]];
                if (cumulative > target) {
                    out[q] = values[order[i]];
                    break;
                }
            }
        }
        return out;
    }

    private void addLevel() {
        levels.add(new float[16]);
        sizes.add(0);
    }

    private void append(int level, float value) {
        float[] values = levels.get(level);
        int size = sizes.get(level);
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
            levels.set(level, values);
        }
        values[size] = value;
        sizes.set(level, size + 1);
    }

    /** Level h holds at most about k * (2/3)^(top - h) values, and never fewer than 2. */
    private int capacity(int level) {
        int depth = levels.size() - 1 - level;
        return Math.max(2, (int) Math.ceil(k * Math.pow(2.0 / 3.0, depth)));
    }

    private void compressIfNeeded() {
        while (true) {
            int total = 0;
            int capacity = 0;
            for (int h = 0; h < levels.size(); h++) {
                total += sizes.get(h);
                capacity += capacity(h);
            }
            if (total <= capacity) {
                return;
            }
            for (int h = 0; h < levels.size(); h++) {
                if (sizes.get(h) >= capacity(h)) {
                    compact(h);
                    break;
                }
            }
        }
    }

    /** Sorts level h and promotes every other value (from a random start) to level h + 1, where weights double. */
    private void compact(int h) {
        if (h + 1 == levels.size()) {
            addLevel();
        }
        float[] values = levels.get(h);
        int size = sizes.get(h);
        Arrays.sort(values, 0, size);
        int keepOdd = size % 2; // an odd value out stays behind
        int offset = random.nextBoolean() ? 1 : 0;
        for (int i = keepOdd + offset; i < size; i += 2) {
            append(h + 1, values[i]);
        }
        sizes.set(h, keepOdd);
    }
}
