package org.estimator4j.cli.doctor;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * ND4J's CPU backend loads (javacpp extracts libnd4jcpu and OpenBLAS from the jar) and multiplies two
 * small matrices correctly. Reports the backend class, the BLAS vendor, the thread count and the time
 * it took, which is mostly the one-off native load.
 */
public final class Nd4jBackendCheck implements Check {

    static final String CPU_BACKEND = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";

    private static final double[][] A = {{1, 2, 3}, {4, 5, 6}};
    private static final double[][] B = {{7, 8}, {9, 10}, {11, 12}};
    private static final double[][] A_TIMES_B = {{58, 64}, {139, 154}};

    @Override
    public String name() {
        return "ND4J backend";
    }

    @Override
    public CheckResult run() {
        long start = System.nanoTime();
        Nd4jBackend backend;
        double[][] product;
        try {
            backend = Nd4j.getBackend();
            INDArray c = Nd4j.createFromArray(A).mmul(Nd4j.createFromArray(B));
            product = c.toDoubleMatrix();
        } catch (Exception | LinkageError e) {
            return CheckResult.fail("ND4J CPU backend did not load ("
                    + firstLine(e)
                    + "): rebuild e4j.jar with"
                    + " 'mvn -B -q install -DskipTests' (it must contain the linux-x86_64 natives) and check that"
                    + " ~/.javacpp/cache is writable; run 'e4j --verbose doctor' for details");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        if (!Arrays.deepEquals(product, A_TIMES_B)) {
            return CheckResult.fail("2x3 * 3x2 matmul returned "
                    + Arrays.deepToString(product)
                    + ", expected "
                    + Arrays.deepToString(A_TIMES_B)
                    + ": the native BLAS is broken");
        }
        String detail = String.format(
                Locale.ROOT,
                "%s, BLAS %s, %s threads; loaded and 2x3 * 3x2 matmul" + " correct in %d ms",
                backend.getClass().getName(),
                blasVendor(),
                threads(),
                millis);
        if (!CPU_BACKEND.equals(backend.getClass().getName())) {
            return CheckResult.warn(detail + " (expected " + CPU_BACKEND + ")");
        }
        return CheckResult.ok(detail);
    }

    private static String blasVendor() {
        try {
            return String.valueOf(Nd4j.factory().blas().getBlasVendor());
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    private static String threads() {
        try {
            return String.valueOf(Nd4j.getEnvironment().maxThreads());
        } catch (RuntimeException | LinkageError e) {
            return "?";
        }
    }

    private static String firstLine(Throwable e) {
        String text = String.valueOf(e).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
