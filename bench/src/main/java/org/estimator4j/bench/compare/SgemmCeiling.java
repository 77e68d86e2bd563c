package org.estimator4j.bench.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.estimator4j.bench.workloads.Measurement;
import org.estimator4j.bench.workloads.Workload;

/**
 * The machine's single-precision matrix-multiply ceiling, the yardstick of compare.sh's "fraction of sgemm" column:
 * OpenBLAS sgemm (the library Estimator4J's dense layers call) on off-heap operands (no JNI copies, which the
 * contenders' own products do not pay either), for each shape: one thread; one single-threaded product per core at
 * once (summed); and OpenBLAS' own threading. The shapes are a square 1024³ and the MLP workload's hidden-layer
 * products at 1024 rows, since smaller products may run at another pace than a square one. Each measurement is the
 * fastest single product after an unmeasured warm-up (thread pools started, pages touched, clocks up), and
 * compare.sh runs this program before its first round and after each round: the report takes the highest figure of
 * all as the ceiling, as a ceiling is a maximum and a busy moment on a shared machine only ever lowers one.
 *
 * <pre>
 * java -cp bench/target/estimator4j-bench.jar org.estimator4j.bench.compare.SgemmCeiling --out results.tsv \
 *     [--round N] [--seconds S] [--shapes 1024x1024x1024,1024x256x100]
 * </pre>
 */
public final class SgemmCeiling {
    private SgemmCeiling() {}

    /** A product of an m×k by a k×n matrix. */
    record Shape(int m, int n, int k) {
        static Shape parse(String text) {
            String[] f = text.trim().split("x");
            if (f.length != 3) {
                throw new IllegalArgumentException("a shape is MxNxK (an MxK by a KxN matrix), got '" + text + "'");
            }
            return new Shape(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]));
        }

        double flops() {
            return 2.0 * m * n * k;
        }

        @Override
        public String toString() {
            return m + "×" + n + "×" + k;
        }
    }

    /** A square 1024³ and the MLP's hidden layers at 1024 rows (1024×256×100, 1024×128×256). */
    static List<Shape> defaultShapes() {
        List<Shape> shapes = new ArrayList<>(List.of(new Shape(1024, 1024, 1024)));
        int in = Workload.MLP.deepInputWidth();
        for (int units : Workload.MLP.hiddenUnits) {
            shapes.add(new Shape(1024, units, in));
            in = units;
        }
        return shapes;
    }

    public static void main(String[] args) throws Exception {
        Path out = null;
        int round = 0;
        double seconds = 1;
        List<Shape> shapes = defaultShapes();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[i + 1]);
                case "--round" -> round = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--shapes" ->
                    shapes = java.util.Arrays.stream(args[i + 1].split(","))
                            .map(Shape::parse)
                            .toList();
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + "; options: --out FILE --round N --seconds S --shapes MxNxK,...");
            }
        }
        Loader.load(openblas_nolapack.class);
        int cores = Runtime.getRuntime().availableProcessors();
        double measured = seconds;
        double warmup = Math.max(0.2, seconds / 4);
        for (Shape shape : shapes) {
            openblas_nolapack.blas_set_num_threads(1);
            record(out, round, shape, best(shape, warmup, seconds, null), "threads 1, " + kernels());
            if (cores > 1) {
                // One single-threaded product per core at once: how Estimator4J's training lanes use the machine.
                ExecutorService pool = Executors.newFixedThreadPool(cores);
                CyclicBarrier together = new CyclicBarrier(cores);
                List<Future<Double>> parts = new ArrayList<>();
                for (int c = 0; c < cores; c++) {
                    parts.add(pool.submit(() -> best(shape, warmup, measured, together)));
                }
                double sum = 0;
                for (Future<Double> f : parts) {
                    sum += f.get();
                }
                pool.shutdown();
                record(out, round, shape, sum, "threads " + cores + ", one product per core, " + kernels());
                openblas_nolapack.blas_set_num_threads(cores);
                record(
                        out,
                        round,
                        shape,
                        best(shape, warmup, seconds, null),
                        "threads " + cores + ", OpenBLAS threading, " + kernels());
                openblas_nolapack.blas_set_num_threads(1);
            }
        }
    }

    /** The OpenBLAS kernels this JVM runs, as far as the environment tells (OpenBLAS' own query is not bound). */
    static String kernels() {
        String coretype = System.getenv("OPENBLAS_CORETYPE");
        return coretype == null || coretype.isBlank() ? "kernels OpenBLAS chose" : coretype + " kernels";
    }

    private static void record(Path out, int round, Shape shape, double gflops, String note) throws Exception {
        System.out.printf(Locale.ROOT, "sgemm %s, %s: %.1f GFLOP/s%n", shape, note, gflops);
        if (out != null) {
            new Measurement("machine", "sgemm", Measurement.GFLOPS, shape.m(), round, gflops, shape + ", " + note)
                    .appendTo(out);
        }
    }

    /**
     * Highest GFLOP/s of single products over {@code seconds}, after {@code warmup} seconds of unmeasured ones; with
     * {@code together}, the measured loops of all its parties start at once.
     */
    private static double best(Shape s, double warmup, double seconds, CyclicBarrier together) throws Exception {
        FloatPointer a = filled((long) s.m() * s.k(), 7);
        FloatPointer b = filled((long) s.k() * s.n(), 5);
        FloatPointer c = new FloatPointer((long) s.m() * s.n());
        try {
            run(s, a, b, c, warmup);
            if (together != null) {
                together.await();
            }
            return run(s, a, b, c, seconds);
        } finally {
            a.deallocate();
            b.deallocate();
            c.deallocate();
        }
    }

    private static double run(Shape s, FloatPointer a, FloatPointer b, FloatPointer c, double seconds) {
        double best = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        do {
            long start = System.nanoTime();
            openblas_nolapack.cblas_sgemm(
                    openblas_nolapack.CblasRowMajor,
                    openblas_nolapack.CblasNoTrans,
                    openblas_nolapack.CblasNoTrans,
                    s.m(),
                    s.n(),
                    s.k(),
                    1f,
                    a,
                    s.k(),
                    b,
                    s.n(),
                    0f,
                    c,
                    s.n());
            double took = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, s.flops() / took / 1e9);
        } while (System.nanoTime() < end);
        return best;
    }

    private static FloatPointer filled(long length, int period) {
        float[] values = new float[(int) length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % period) * 0.1f;
        }
        return new FloatPointer(values);
    }
}
