package org.estimator4j.features.transform;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The embedding weights dense transforms look ids up in: one row-major {@code float[numBuckets * dimension]} per
 * table name. Models own and train these; feature columns only read them. New tables are filled as TensorFlow's
 * default initializer does (truncated normal, mean 0, stddev 1/sqrt(dimension), redrawn beyond two stddevs), seeded;
 * the values are not TensorFlow's bit for bit, since its random generator differs.
 */
public final class EmbeddingTables {
    private final Map<String, float[]> tables = new HashMap<>();
    private final long seed;

    /** Tables created on demand from {@code seed}. */
    public EmbeddingTables(long seed) {
        this.seed = seed;
    }

    /** Uses {@code values} (row-major, numBuckets × dimension) for table {@code name}. */
    public EmbeddingTables put(String name, float[] values) {
        tables.put(name, values);
        return this;
    }

    /** Table {@code name}, created with the default initializer on first use. */
    public synchronized float[] table(String name, long numBuckets, int dimension) {
        float[] t = tables.get(name);
        if (t == null) {
            t = truncatedNormal(numBuckets, dimension, seed ^ name.hashCode());
            tables.put(name, t);
        } else if (t.length != numBuckets * dimension) {
            throw new IllegalArgumentException("embedding table '" + name + "' has " + t.length + " values; "
                    + numBuckets + " buckets x dimension " + dimension + " need " + numBuckets * dimension);
        }
        return t;
    }

    /**
     * Fills {@code values} with the values {@link #table} would create for table {@code name}: a model that restores
     * a checkpoint allocates its tables zeroed and draws these only when it starts fresh (drawing 10^8 values takes
     * seconds).
     */
    public void initialize(String name, float[] values, int dimension) {
        fill(values, dimension, seed ^ name.hashCode());
    }

    static float[] truncatedNormal(long numBuckets, int dimension, long seed) {
        if (numBuckets * dimension > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("an embedding table of " + numBuckets + " x " + dimension
                    + " does not fit in one array; use fewer buckets");
        }
        float[] t = new float[(int) (numBuckets * dimension)];
        fill(t, dimension, seed);
        return t;
    }

    private static void fill(float[] t, int dimension, long seed) {
        double stddev = 1.0 / Math.sqrt(dimension);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < t.length; i++) {
            double g;
            do {
                g = gaussian(r);
            } while (Math.abs(g) > 2.0);
            t[i] = (float) (g * stddev);
        }
    }

    private static double gaussian(SplittableRandom r) {
        // Marsaglia's polar method.
        double u;
        double v;
        double s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
