package org.estimator4j.estimators.dnn;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Row-major single-precision matrix products through OpenBLAS (the library ND4J itself links), called directly on
 * Java arrays. One JNI call costs a few microseconds where an ND4J op costs 15–50: on this path a product of a
 * 256×100 by 100×256 matrix runs at ~100 GFLOP/s, against ~5 for a Java loop. Arrays are copied in and out by the JNI
 * layer (~10% of a large product); the rest of the model keeps its values in Java arrays, where the optimizer and
 * activation loops are several times faster than over off-heap buffers.
 *
 * <p>For a fixed shape OpenBLAS is deterministic, so training with a seed repeats bit for bit. Its
 * kernels sum in an order that depends on the number of rows, though: one example's logits alone and inside a batch
 * agree to float rounding (about 1e-7 relative), not bit for bit.
 */
final class Blas {
    static {
        // OpenBLAS reads its kernel choice from the environment as it loads (here, if ND4J has not loaded it first): a
        // JVM started without bin/e4j may leave this CPU's fastest kernels unused, which only the user can fix.
        OpenBlasKernels.advice(OpenBlasKernels.thisMachinesFlags(), System.getenv(OpenBlasKernels.CORETYPE_VARIABLE))
                .ifPresent(advice -> System.getLogger(Blas.class.getName()).log(System.Logger.Level.WARNING, advice));
        Loader.load(openblas_nolapack.class);
        // One thread per call: DnnPart splits a batch's rows over the cores itself (RowLane), which beats OpenBLAS'
        // own threading on these shapes (a 1024×128×256 product: 110 GFLOP/s a core either way, but OpenBLAS' second
        // thread mostly spins), and two lanes each calling a multi-threaded BLAS would oversubscribe the cores.
        openblas_nolapack.blas_set_num_threads(1);
    }

    private Blas() {}

    /** {@code c = x · w + beta·c}: x is m×k, w is k×n, c is m×n. */
    static void gemm(int m, int n, int k, float[] x, float[] w, float beta, float[] c) {
        if (m == 1) {
            // One row (a single-example prediction): a matrix-vector product reads the kernel once, where sgemm first
            // packs all of it; 100×256: 2.9 µs against 11.8.
            openblas_nolapack.cblas_sgemv(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasTrans, k, n, 1f, w,
                    n, x, 1, beta, c, 1);
            return;
        }
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                openblas_nolapack.CblasNoTrans, m, n, k, 1f, x, k, w, n, beta, c, n);
    }

    /** {@code c = xᵀ · d}: x is m×k, d is m×n, c is k×n (a kernel's gradient). */
    static void gemmTransposeLeft(int m, int n, int k, float[] x, float[] d, float[] c) {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasTrans,
                openblas_nolapack.CblasNoTrans, k, n, m, 1f, x, k, d, n, 0f, c, n);
    }

    /** {@code c = d · wᵀ}: d is m×n, w is k×n, c is m×k (the gradient of a layer's input). */
    static void gemmTransposeRight(int m, int n, int k, float[] d, float[] w, float[] c) {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                openblas_nolapack.CblasTrans, m, k, n, 1f, d, n, w, n, 0f, c, k);
    }
}
