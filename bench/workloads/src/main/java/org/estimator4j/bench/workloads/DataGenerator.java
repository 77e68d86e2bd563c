package org.estimator4j.bench.workloads;

import java.util.SplittableRandom;

/**
 * Seeded synthetic data for each workload, with labels a model can learn (so both sides' losses are comparable and
 * fall): a hidden teacher decides each label. Ids follow skewed distributions as real ones do (a few frequent ids,
 * a long tail), which matters for sparse updates: frequent ids repeat inside a batch.
 */
public final class DataGenerator {
    private DataGenerator() {}

    public static WorkloadData generate(Workload workload, int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ workload.ordinal() * 0x9E3779B97F4A7C15L);
        return switch (workload) {
            case MLP -> mlp(rows, random);
            case SPARSE_LINEAR -> sparseLinear(rows, random);
            case WIDE_DEEP -> wideDeep(rows, random);
        };
    }

    /** Gaussian inputs; the label is the sign of a random linear form plus a product of two inputs, with noise. */
    private static WorkloadData mlp(int rows, SplittableRandom random) {
        int width = Workload.MLP.denseWidth();
        float[] teacher = new float[width];
        for (int j = 0; j < width; j++) {
            teacher[j] = (float) (random.nextGaussian() / Math.sqrt(width));
        }
        float[] dense = new float[rows * width];
        float[] labels = new float[rows];
        for (int r = 0; r < rows; r++) {
            double z = 0;
            for (int j = 0; j < width; j++) {
                float x = (float) random.nextGaussian();
                dense[r * width + j] = x;
                z += teacher[j] * x;
            }
            z += 0.8 * dense[r * width] * dense[r * width + 1] + 0.3 * random.nextGaussian();
            labels[r] = z > 0 ? 1f : 0f;
        }
        return new WorkloadData(Workload.MLP, rows, dense, new int[0], labels);
    }

    /** Zipf-like ids per column; each id carries a hidden weight, and the label follows their sum. */
    private static WorkloadData sparseLinear(int rows, SplittableRandom random) {
        Workload w = Workload.SPARSE_LINEAR;
        int columns = w.idColumns.size();
        int[] ids = new int[rows * columns];
        float[] labels = new float[rows];
        for (int r = 0; r < rows; r++) {
            double z = -0.5;
            for (int c = 0; c < columns; c++) {
                int id = skewed(random, w.idColumns.get(c).cardinality(), c);
                ids[r * columns + c] = id;
                z += hiddenWeight(c, id);
            }
            labels[r] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1f : 0f;
        }
        return new WorkloadData(w, rows, new float[0], ids, labels);
    }

    /**
     * Census-shaped rows: standardized numerics, vocabulary ids, occupation as one of 15 hashed buckets, age and the
     * numerics bucketized, and the crosses hashed from their parts as a crossed column would.
     */
    private static WorkloadData wideDeep(int rows, SplittableRandom random) {
        Workload w = Workload.WIDE_DEEP;
        int columns = w.idColumns.size();
        int width = w.denseWidth();
        int[] occupations = new int[15];
        for (int i = 0; i < occupations.length; i++) {
            occupations[i] = (int) Math.floorMod(mix(i * 7919L + 17), 1000L);
        }
        float[] dense = new float[rows * width];
        int[] ids = new int[rows * columns];
        float[] labels = new float[rows];
        for (int r = 0; r < rows; r++) {
            double age = 17 + 73 * Math.pow(random.nextDouble(), 1.6);
            int education = skewed(random, 16, 1);
            double educationNum = 1 + education * 15.0 / 15 + random.nextGaussian() * 0.5;
            double gain = random.nextDouble() < 0.08 ? Math.exp(7 + 2 * random.nextDouble()) : 0;
            double loss = random.nextDouble() < 0.05 ? 1500 + 1000 * random.nextDouble() : 0;
            double hours = Math.max(1, Math.min(99, 40 + 12 * random.nextGaussian()));
            int occupation = occupations[skewed(random, occupations.length, 2)];
            int ageBucket = bucket(age, 18, 25, 30, 35, 40, 45, 50, 55, 60, 65);
            int[] row = {
                education,
                skewed(random, 7, 3),
                skewed(random, 6, 4),
                skewed(random, 9, 5),
                occupation,
                ageBucket,
                (int) Math.floorMod(mix(education * 1_000_003L + occupation), 1000L),
                (int) Math.floorMod(mix((ageBucket * 1_000_003L + education) * 1_000_003L + occupation), 1000L),
                bucket(gain, 1, 3000, 5000, 7000, 10000, 15000),
                bucket(loss, 1, 1500, 1800, 2000, 2500),
                bucket(hours, 20, 30, 40, 41, 50, 60),
                skewed(random, 2, 6) * 5,
                skewed(random, 5, 7) * 4,
                skewed(random, 100, 8)
            };
            System.arraycopy(row, 0, ids, r * columns, columns);
            float[] numerics = {
                (float) ((age - 38.6) / 13.6),
                (float) ((educationNum - 10) / 2.6),
                (float) (gain / 7400),
                (float) (loss / 400),
                (float) ((hours - 40.4) / 12.3)
            };
            System.arraycopy(numerics, 0, dense, r * width, width);
            double z = -0.1
                    + 0.6 * numerics[0]
                    + 0.5 * numerics[1]
                    + 0.8 * numerics[2]
                    + 0.3 * numerics[4]
                    - 0.4 * numerics[0] * numerics[0];
            for (int c = 0; c < columns; c++) {
                z += 0.6 * hiddenWeight(c + 20, row[c]);
            }
            labels[r] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1f : 0f;
        }
        return new WorkloadData(w, rows, dense, ids, labels);
    }

    /**
     * An id in {@code [0, cardinality)} with a power-law frequency: rank k drawn with density ~ u^3, then scattered
     * over the range by a per-column permutation so frequent ids are not all small.
     */
    private static int skewed(SplittableRandom random, int cardinality, int column) {
        int rank = (int) (cardinality * Math.pow(random.nextDouble(), 3));
        return (int) Math.floorMod(rank * 2_654_435_761L + column * 40_503L, (long) cardinality);
    }

    private static int bucket(double value, double... boundaries) {
        int b = 0;
        while (b < boundaries.length && value >= boundaries[b]) {
            b++;
        }
        return b;
    }

    /** A fixed weight in about [-1, 1] for an id of a column. */
    private static double hiddenWeight(int column, int id) {
        return (Math.floorMod(mix(column * 1_000_003L + id), 2001L) - 1000) / 1000.0;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
