package org.estimator4j.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.cpu.nativecpu.CpuBackend;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Guards the native choice in cli/pom.xml: nd4j-native with the plain linux-x86_64 classifier
 * (never a '-platform' artifact, never the avx2/avx512 builds) for e4j doctor's ND4J check. If the backend or
 * its natives change, this fails before a user's doctor run does.
 */
class Nd4jBackendSmokeTest {

    private static final String BINDINGS = "org/nd4j/linalg/cpu/nativecpu/bindings/";

    @Test
    void backendIsTheNativeCpuOneWithOpenBlas() {
        assertInstanceOf(CpuBackend.class, Nd4j.getBackend());
        assertInstanceOf(NativeOpExecutioner.class, Nd4j.getExecutioner());
        assertEquals(Blas.Vendor.OPENBLAS, Nd4j.factory().blas().getBlasVendor());
    }

    @Test
    void onlyTheGenericLinuxX8664NativesAreOnTheClasspath() {
        ClassLoader loader = getClass().getClassLoader();
        assertNotNull(
                loader.getResource(BINDINGS + "linux-x86_64/libnd4jcpu.so"),
                "nd4j-native:linux-x86_64 must be a dependency");
        for (String other : List.of(
                "linux-x86_64-avx2",
                "linux-x86_64-avx512",
                "linux-arm64",
                "linux-ppc64le",
                "macosx-x86_64",
                "macosx-arm64",
                "windows-x86_64",
                "android-arm64")) {
            assertNull(
                    loader.getResource(BINDINGS + other + "/"),
                    other + " natives are on the classpath: a '-platform' or avx classifier crept in");
        }
    }

    @Test
    void multipliesSmallDoubleMatricesExactly() {
        INDArray a = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray b = Nd4j.createFromArray(new double[][] {{7, 8}, {9, 10}, {11, 12}});

        INDArray c = a.mmul(b);

        assertEquals(DataType.DOUBLE, c.dataType());
        assertArrayEquals(new long[] {2, 2}, c.shape());
        assertArrayEquals(new double[][] {{58, 64}, {139, 154}}, c.toDoubleMatrix());
    }

    @Test
    void multipliesFloatMatricesExactly() {
        INDArray a = Nd4j.createFromArray(new float[][] {{1, -2}, {3, 4}, {0.5f, 0}});
        INDArray b = Nd4j.createFromArray(new float[][] {{2, 0, 1}, {1, 3, -1}});

        INDArray c = a.mmul(b);

        assertEquals(DataType.FLOAT, c.dataType());
        assertArrayEquals(new float[][] {{0, -6, 3}, {10, 12, -1}, {1, 0, 0.5f}}, c.toFloatMatrix());
    }

    /** Large enough for OpenBLAS's blocked gemm kernels, small integers so every sum is exact. */
    @Test
    void multipliesAGemmSizedProductExactlyAgainstPlainJava() {
        int n = 67;
        int k = 129;
        int m = 45;
        double[][] a = new double[n][k];
        double[][] b = new double[k][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                a[i][j] = (i * 7 + j * 3) % 11 - 5;
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < m; j++) {
                b[i][j] = (i * 5 + j * 13) % 9 - 4;
            }
        }
        double[][] expected = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[i][p] * b[p][j];
                }
                expected[i][j] = sum;
            }
        }

        double[][] actual =
                Nd4j.createFromArray(a).mmul(Nd4j.createFromArray(b)).toDoubleMatrix();

        assertArrayEquals(expected, actual);
    }
}
