package org.estimator4j.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenBlasKernelsCheckTest {

    private static final String AVX512 = "fpu avx2 fma avx512f avx512cd avx512bw avx512dq avx512vl";

    @TempDir
    Path dir;

    private CheckResult check(String flags, String coretype) throws IOException {
        Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"), "processor\t: 0\nflags\t\t: " + flags + "\n");
        Map<String, String> env = coretype == null ? Map.of() : Map.of("OPENBLAS_CORETYPE", coretype);
        return new OpenBlasKernelsCheck(cpuinfo, env::get).run();
    }

    @Test
    void haswellPinnedOnAnAvx512CpuWarnsWithTheValueToSet() throws IOException {
        CheckResult result = check(AVX512, "Haswell");

        assertEquals(Status.WARN, result.status());
        assertTrue(result.detail().startsWith("OPENBLAS_CORETYPE=Haswell holds OpenBLAS"), result.detail());
        assertTrue(result.detail().contains("export OPENBLAS_CORETYPE=SkylakeX"), result.detail());
    }

    @Test
    void unsetOnAnAvx2CpuWarns() throws IOException {
        CheckResult result = check("fpu avx2 fma", null);

        assertEquals(Status.WARN, result.status());
        assertTrue(result.detail().contains("export OPENBLAS_CORETYPE=Haswell"), result.detail());
    }

    @Test
    void theBestKernelsAreOk() throws IOException {
        CheckResult result = check(AVX512, "SkylakeX");

        assertEquals(Status.OK, result.status());
        assertEquals("OPENBLAS_CORETYPE=SkylakeX; this CPU runs up to SkylakeX", result.detail());
    }

    @Test
    void aCpuWithoutAvx2NeedsNothingSet() throws IOException {
        CheckResult result = check("fpu sse2 avx", null);

        assertEquals(Status.OK, result.status());
        assertTrue(result.detail().startsWith("OPENBLAS_CORETYPE not set; no AVX2 or AVX-512 here"), result.detail());
    }

    @Test
    void unreadableCpuinfoWarns() {
        CheckResult result = new OpenBlasKernelsCheck(dir.resolve("missing"), name -> null).run();

        assertEquals(Status.WARN, result.status());
        assertTrue(result.detail().startsWith("cannot read CPU flags"), result.detail());
    }
}
