package org.estimator4j.estimators.dnn;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.estimator4j.api.internal.Logs;

/**
 * Row-major single-precision matrix products through OpenBLAS (the library ND4J itself links), on Java arrays. One
 * JNI call costs a few microseconds where an ND4J op costs 15–50: on this path a product of a 256×100 by 100×256
 * matrix runs at ~100 GFLOP/s, against ~5 for a Java loop. The rest of the model keeps its values in Java arrays,
 * where the optimizer and activation loops are several times faster than over off-heap buffers.
 *
 * <p>Operands go through a thread's own off-heap scratch buffers: the matrices read are copied in, the one written is
 * copied out, each only as far as the product uses it, so a slice of a larger array (a lane's rows of a batch) costs
 * no more than an array of its own. Passing the arrays to OpenBLAS directly would have JNI copy
 * every whole array in and back out (read-only ones included): on a DNN training step's products, 7% slower with
 * OpenBLAS' AVX2 kernels and 12% with its AVX-512 ones (measured, one thread).
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
                .ifPresent(advice -> Logs.get(Blas.class).warn(advice));
        Loader.load(openblas_nolapack.class);
        // One thread per call: DnnPart splits a batch's rows over the cores itself (RowLane), which beats OpenBLAS'
        // own threading on these shapes (a 1024×128×256 product: 110 GFLOP/s a core either way, but OpenBLAS' second
        // thread mostly spins), and two lanes each calling a multi-threaded BLAS would oversubscribe the cores.
        openblas_nolapack.blas_set_num_threads(1);
    }

    /** The calling thread's operand buffers (inference runs on many threads at once). */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private Blas() {}

    /** {@code c = x · w + beta·c}: x is m×k (from {@code x[xFrom]} on), w is k×n, c is m×n. */
    static void gemm(int m, int n, int k, float[] x, int xFrom, float[] w, float beta, float[] c) {
        Scratch s = SCRATCH.get();
        FloatPointer px = s.a(x, xFrom, m * k);
        FloatPointer pw = s.b(w, 0, k * n);
        FloatPointer pc = beta == 0f ? s.c(m * n) : s.c(c, m * n);
        if (m == 1) {
            // One row (a single-example prediction): a matrix-vector product reads the kernel once, where sgemm first
            // packs all of it; 100×256: 2.9 µs against 11.8.
            openblas_nolapack.cblas_sgemv(
                    openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasTrans, k, n, 1f, pw, n, px, 1, beta, pc, 1);
        } else {
            openblas_nolapack.cblas_sgemm(
                    openblas_nolapack.CblasRowMajor,
                    openblas_nolapack.CblasNoTrans,
                    openblas_nolapack.CblasNoTrans,
                    m,
                    n,
                    k,
                    1f,
                    px,
                    k,
                    pw,
                    n,
                    beta,
                    pc,
                    n);
        }
        pc.get(c, 0, m * n);
    }

    /** {@code c = xᵀ · d}: x is m×k (from {@code x[xFrom]} on), d is m×n, c is k×n (a kernel's gradient). */
    static void gemmTransposeLeft(int m, int n, int k, float[] x, int xFrom, float[] d, float[] c) {
        Scratch s = SCRATCH.get();
        FloatPointer px = s.a(x, xFrom, m * k);
        FloatPointer pd = s.b(d, 0, m * n);
        FloatPointer pc = s.c(k * n);
        openblas_nolapack.cblas_sgemm(
                openblas_nolapack.CblasRowMajor,
                openblas_nolapack.CblasTrans,
                openblas_nolapack.CblasNoTrans,
                k,
                n,
                m,
                1f,
                px,
                k,
                pd,
                n,
                0f,
                pc,
                n);
        pc.get(c, 0, k * n);
    }

    /** {@code c = d · wᵀ}: d is m×n, w is k×n, c is m×k (the gradient of a layer's input). */
    static void gemmTransposeRight(int m, int n, int k, float[] d, float[] w, float[] c) {
        Scratch s = SCRATCH.get();
        FloatPointer pd = s.a(d, 0, m * n);
        FloatPointer pw = s.b(w, 0, k * n);
        FloatPointer pc = s.c(m * k);
        openblas_nolapack.cblas_sgemm(
                openblas_nolapack.CblasRowMajor,
                openblas_nolapack.CblasNoTrans,
                openblas_nolapack.CblasTrans,
                m,
                k,
                n,
                1f,
                pd,
                n,
                pw,
                n,
                0f,
                pc,
                k);
        pc.get(c, 0, m * k);
    }

    /**
     * Three off-heap buffers (two operands read, one written) that grow to the largest product a thread has run and
     * are freed with the thread (javacpp deallocates them once collected).
     */
    private static final class Scratch {
        private final FloatPointer[] buffers = new FloatPointer[3];
        private final long[] capacity = new long[3];

        FloatPointer a(float[] values, int from, int length) {
            return filled(0, values, from, length);
        }

        FloatPointer b(float[] values, int from, int length) {
            return filled(1, values, from, length);
        }

        FloatPointer c(float[] values, int length) {
            return filled(2, values, 0, length);
        }

        FloatPointer c(int length) {
            return sized(2, length);
        }

        private FloatPointer filled(int slot, float[] values, int from, int length) {
            return sized(slot, length).put(values, from, length);
        }

        private FloatPointer sized(int slot, int length) {
            if (buffers[slot] == null || capacity[slot] < length) {
                if (buffers[slot] != null) {
                    buffers[slot].deallocate();
                }
                // Room to grow by half again, so a batch a few rows larger does not reallocate.
                long size = Math.max(Math.max(length, 1), capacity[slot] + capacity[slot] / 2);
                buffers[slot] = new FloatPointer(size);
                capacity[slot] = size;
            }
            return buffers[slot];
        }
    }
}
