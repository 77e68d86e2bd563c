package org.estimator4j.bench.compare;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.estimator4j.bench.workloads.Measurement;

/**
 * The machine's single-precision matrix-multiply ceiling, the yardstick of compare.sh's "fraction of sgemm" column:
 * OpenBLAS sgemm (the library Estimator4J's dense layers call) on square matrices large enough that copying and call
 * overhead vanish: one thread; one single-threaded product per core at once (summed); and OpenBLAS' own threading.
 * The report takes the highest as the ceiling. Best of several repetitions each, as a ceiling is a maximum.
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
        int cores = Runtime.getRuntime().availableProcessors();
        openblas_nolapack.blas_set_num_threads(1);
        record(out, size, best(size, seconds), "threads 1, " + kernels());
        if (cores > 1) {
            // One single-threaded product per core at once: how Estimator4J's training lanes use the machine.
            int n = size;
            double s = seconds;
            ExecutorService pool = Executors.newFixedThreadPool(cores);
            double sum = 0;
            for (Future<Double> f : pool.invokeAll(Collections.nCopies(cores, (Callable<Double>) () -> best(n, s)))) {
                sum += f.get();
            }
            pool.shutdown();
            record(out, size, sum, "threads " + cores + ", one product per core");
            openblas_nolapack.blas_set_num_threads(cores);
            record(out, size, best(size, seconds), "threads " + cores + ", OpenBLAS threading");
            openblas_nolapack.blas_set_num_threads(1);
        }
    }

    /** The OpenBLAS kernels this JVM runs, as far as the environment tells (OpenBLAS' own query is not bound). */
    static String kernels() {
        String coretype = System.getenv("OPENBLAS_CORETYPE");
        return coretype == null || coretype.isBlank() ? "kernels OpenBLAS chose" : coretype + " kernels";
    }

    private static void record(Path out, int size, double gflops, String note) throws Exception {
        System.out.printf(Locale.ROOT, "sgemm %d x %d x %d, %s: %.1f GFLOP/s%n", size, size, size, note, gflops);
        if (out != null) {
            new Measurement("machine", "sgemm", Measurement.GFLOPS, size, 0, gflops, note).appendTo(out);
        }
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
