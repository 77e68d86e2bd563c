package org.estimator4j.bench.features;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.datasketches.kll.KllFloatsSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.estimator4j.features.adapt.QuantileSketch;

/**
 * Update cost and accuracy of the quantile sketches behind learned bucket boundaries (issue 14): the hand-written KLL
 * sketch the product had before, {@link QuantileSketch} as it is now (Apache DataSketches' KLL, fed in reseeded
 * blocks), and DataSketches' {@link KllFloatsSketch} fed one {@code update(float)} at a time. For each distribution
 * and k, every sketch takes the same values in the same order; the update cost is the feeding thread's CPU time per
 * value, median over the passes after a warm-up pass. Each pass is a fresh sketch with its own seed; its rank error
 * is, over the fractions i / 1000, the largest distance between i / 1000 and the exact normalised rank range of the
 * sketch's quantile (0 when the quantile's ties cover it), from a sorted copy, and the table gives its mean and worst
 * over the passes.
 *
 * <pre>
 * java -cp bench/target/estimator4j-bench.jar org.estimator4j.bench.features.QuantileSketchBench \
 *     --values 10000000 --k 200,400 --distributions uniform,pareto,zipf --passes 3
 * </pre>
 */
public final class QuantileSketchBench {
    /** CPU time of the feeding thread, not wall time: on a shared machine other processes' load would count too. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private QuantileSketchBench() {}

    /** One sketch under test; {@link #feed} loops over the values itself so each loop stays monomorphic. */
    private interface Contender {
        void feed(float[] values);

        float[] quantiles(double[] fractions);

        int retained();
    }

    public static void main(String[] args) {
        int n = 10_000_000;
        List<Integer> ks = List.of(200, 400);
        List<String> distributions = List.of("uniform", "pareto", "zipf");
        int passes = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--values" -> n = Integer.parseInt(args[++i]);
                case "--k" ->
                    ks = Arrays.stream(args[++i].split(","))
                            .map(String::trim)
                            .map(Integer::valueOf)
                            .toList();
                case "--distributions" -> distributions = List.of(args[++i].split(","));
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; options: --values N --k 200,400 "
                            + "--distributions uniform,pareto,zipf,lognormal --passes N");
                    System.exit(2);
                }
            }
        }
        double[] fractions = new double[999];
        for (int i = 0; i < fractions.length; i++) {
            fractions[i] = (i + 1) / 1000.0;
        }
        System.out.printf(
                Locale.ROOT,
                "%,d values; CPU time: median of %d passes after a warm-up; rank error over the "
                        + "fractions i/1000: of each pass's sketch (seeds 0..%d), warm-up included%n%n",
                n,
                passes,
                passes);
        System.out.println("| distribution | k | sketch | CPU ns/value | max rank error, mean of runs "
                + "| max rank error, worst run | mean rank error | retained values |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int d = 0; d < distributions.size(); d++) {
            String distribution = distributions.get(d);
            // A seed of its own: a rank-based sketch fed a monotone transform of the same draws would err the same.
            float[] values = generate(distribution, n, 42 + d);
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            for (int k : ks) {
                for (String name : List.of(
                        "hand-written KLL (before)",
                        "QuantileSketch (DataSketches, blocks)",
                        "DataSketches update(float)")) {
                    List<Double> nanos = new ArrayList<>();
                    double errorSum = 0;
                    double worstError = 0;
                    double meanErrorSum = 0;
                    int retained = 0;
                    for (int p = 0; p <= passes; p++) {
                        Contender c = create(name, k, p);
                        long start = THREADS.getCurrentThreadCpuTime();
                        c.feed(values);
                        double perValue = (THREADS.getCurrentThreadCpuTime() - start) / (double) n;
                        if (p > 0) { // pass 0 warms the JIT
                            nanos.add(perValue);
                        }
                        double[] error = rankError(c.quantiles(fractions), fractions, sorted);
                        errorSum += error[0];
                        worstError = Math.max(worstError, error[0]);
                        meanErrorSum += error[1];
                        retained = Math.max(retained, c.retained());
                    }
                    nanos.sort(null);
                    System.out.printf(
                            Locale.ROOT,
                            "| %s | %d | %s | %.1f | %.5f | %.5f | %.5f | %,d |%n",
                            distribution,
                            k,
                            name,
                            nanos.get(nanos.size() / 2),
                            errorSum / (passes + 1),
                            worstError,
                            meanErrorSum / (passes + 1),
                            retained);
                }
            }
        }
    }

    /** A fresh sketch; the seeded ones take {@code seed}, so each pass is an independent run of the same data. */
    private static Contender create(String name, int k, long seed) {
        return switch (name) {
            case "hand-written KLL (before)" ->
                new Contender() {
                    final HandWrittenKllSketch sketch = new HandWrittenKllSketch(k, seed);

                    @Override
                    public void feed(float[] values) {
                        for (float v : values) {
                            sketch.add(v);
                        }
                    }

                    @Override
                    public float[] quantiles(double[] fractions) {
                        return sketch.quantiles(fractions);
                    }

                    @Override
                    public int retained() {
                        return sketch.retained();
                    }
                };
            case "QuantileSketch (DataSketches, blocks)" ->
                new Contender() {
                    final QuantileSketch sketch = new QuantileSketch(k, seed);

                    @Override
                    public void feed(float[] values) {
                        for (float v : values) {
                            sketch.add(v);
                        }
                    }

                    @Override
                    public float[] quantiles(double[] fractions) {
                        return sketch.quantiles(fractions);
                    }

                    @Override
                    public int retained() {
                        return sketch.retained();
                    }
                };
            case "DataSketches update(float)" ->
                new Contender() {
                    final KllFloatsSketch sketch = KllFloatsSketch.newHeapInstance(k);

                    @Override
                    public void feed(float[] values) {
                        for (float v : values) {
                            sketch.update(v);
                        }
                    }

                    @Override
                    public float[] quantiles(double[] fractions) {
                        return sketch.getQuantiles(fractions, QuantileSearchCriteria.EXCLUSIVE);
                    }

                    @Override
                    public int retained() {
                        return sketch.getNumRetained();
                    }
                };
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * Uniform on [0, 1), Pareto with shape 1.2 (infinite variance), zipf: that Pareto rounded down to an integer (a
     * heavy tail with heavy ties: half the values are 1), or log-normal with sigma 2; seeded.
     */
    static float[] generate(String distribution, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (distribution) {
                case "uniform" -> (float) r.nextDouble();
                case "pareto" -> (float) Math.pow(1 - r.nextDouble(), -1 / 1.2);
                case "zipf" -> (float) Math.floor(Math.pow(1 - r.nextDouble(), -1 / 1.2));
                case "lognormal" -> (float) Math.exp(2 * gaussian(r));
                default ->
                    throw new IllegalArgumentException(
                            "unknown distribution " + distribution + "; use uniform, pareto, zipf or lognormal");
            };
        }
        return out;
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Max and mean over the fractions of the distance from f to [rank(< q), rank(<= q)], normalised by n. */
    static double[] rankError(float[] quantiles, double[] fractions, float[] sorted) {
        int n = sorted.length;
        double max = 0;
        double sum = 0;
        for (int i = 0; i < fractions.length; i++) {
            float q = quantiles[i];
            int below = lowerBound(sorted, q);
            int atOrBelow = q == Float.POSITIVE_INFINITY ? n : lowerBound(sorted, Math.nextUp(q));
            double rank = fractions[i] * n;
            double error = rank < below ? below - rank : rank > atOrBelow ? rank - atOrBelow : 0;
            max = Math.max(max, error / n);
            sum += error / n;
        }
        return new double[] {max, sum / fractions.length};
    }

    private static int lowerBound(float[] sorted, float value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
