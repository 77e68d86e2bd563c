package org.estimator4j.estimators.dnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The products against plain loops, on slices of larger arrays and through scratch buffers that grow and shrink. */
class BlasTest {
    private final SplittableRandom random = new SplittableRandom(7);

    private float[] values(int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return v;
    }

    /** Row-major {@code a (m×k) · b (k×n)} in double precision. */
    private static float[] product(float[] a, int aFrom, float[] b, int m, int n, int k) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += (double) a[aFrom + i * k + p] * b[p * n + j];
                }
                c[i * n + j] = (float) sum;
            }
        }
        return c;
    }

    private static float[] transpose(float[] a, int from, int rows, int cols) {
        float[] t = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[from + r * cols + c];
            }
        }
        return t;
    }

    @Test
    void gemmReadsTheRowsFromTheOffsetAndAddsBetaTimesC() {
        for (int[] shape : new int[][] {{37, 19, 23}, {1, 50, 30}, {300, 64, 100}, {5, 3, 2}}) {
            int m = shape[0], n = shape[1], k = shape[2];
            int from = 3 * k; // three rows of another lane first
            float[] x = values(from + m * k + 11);
            float[] w = values(k * n);
            float[] c = values(m * n + 5); // longer than the product: the tail stays as it was
            float[] before = c.clone();
            float[] expected = product(x, from, w, m, n, k);

            Blas.gemm(m, n, k, x, from, w, 1f, c);

            for (int i = 0; i < m * n; i++) {
                assertEquals(expected[i] + before[i], c[i], 1e-4, "m=" + m + " element " + i);
            }
            for (int i = m * n; i < c.length; i++) {
                assertEquals(before[i], c[i], "past the product");
            }
        }
    }

    @Test
    void kernelGradientIsXTransposedTimesD() {
        int m = 70, n = 33, k = 41, from = 2 * k;
        float[] x = values(from + m * k);
        float[] d = values(m * n);
        float[] c = new float[k * n];

        Blas.gemmTransposeLeft(m, n, k, x, from, d, c);

        assertArrayEquals(product(transpose(x, from, m, k), 0, d, k, n, m), c, 1e-4f);
    }

    @Test
    void inputGradientIsDTimesWTransposed() {
        int m = 45, n = 29, k = 17;
        float[] d = values(m * n);
        float[] w = values(k * n);
        float[] c = values(m * k); // overwritten: beta is 0

        Blas.gemmTransposeRight(m, n, k, d, w, c);

        assertArrayEquals(product(d, 0, transpose(w, 0, k, n), m, k, n), c, 1e-4f);
    }
}
