package org.estimator4j.bench.compare;

import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.estimator4j.bench.workloads.Measurement;

/**
 * The machine's single-precision matrix-multiply ceiling, the yardstick of compare.sh's "fraction of sgemm" column:
 * OpenBLAS sgemm (the library Estimator4J's dense layers call) on square matrices large enough that copying and call
 * overhead vanish, with all of OpenBLAS' threads and with one. Best of several repetitions, as a ceiling is a maximum.
 *
 * <pre>
 * java -cp bench/target/estimator4j-bench.jar org.estimator4j.bench.compare.SgemmCeiling --out results.tsv
 * </pre>
 */
public final class SgemmCeiling {
    private SgemmCeiling() {}

    public static void main(String[] args) throws Exception {
        Path out = null;
        int size = 1024;
        double seconds = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[i + 1]);
                case "--size" -> size = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --out FILE --size N --seconds S");
            }
        }
        Loader.load(openblas_nolapack.class);
        int threads = Estimator4jContender.blasThreads();
        for (int t : threads > 1 ? new int[] {threads, 1} : new int[] {1}) {
            openblas_nolapack.blas_set_num_threads(t);
            double gflops = best(size, seconds);
            Measurement m = new Measurement("machine", "sgemm", Measurement.GFLOPS, size, 0, gflops,
                    "threads " + t);
            System.out.printf(Locale.ROOT, "sgemm %d x %d x %d, %d thread(s): %.1f GFLOP/s%n", size, size, size, t,
                    gflops);
            if (out != null) {
                m.appendTo(out);
            }
        }
        openblas_nolapack.blas_set_num_threads(threads);
    }

    /** Highest GFLOP/s of single products over {@code seconds}, with the Java arrays OpenBLAS copies in and out. */
    private static double best(int n, double seconds) {
        float[] a = new float[n * n];
        float[] b = new float[n * n];
        float[] c = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 7) * 0.1f;
            b[i] = (i % 5) * 0.1f;
        }
        double best = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                    openblas_nolapack.CblasNoTrans, n, n, n, 1f, a, n, b, n, 0f, c, n);
            double took = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, 2.0 * n * n * n / took / 1e9);
        }
        return best;
    }
}
