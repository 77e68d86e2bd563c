package org.estimator4j.estimators.dnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenBlasKernelsTest {
    private static final String ZEN5 = "fpu sse2 avx avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16";
    private static final String ZEN3 = "fpu sse2 avx avx2 fma";
    /** AVX-512 foundation without the byte/word and vector-length parts OpenBLAS' SkylakeX kernels use. */
    private static final String XEON_PHI = "fpu sse2 avx avx2 fma avx512f avx512cd avx512er avx512pf";

    private static final String OLD = "fpu sse2 sse4_2 avx";

    private static Set<String> flags(String line) {
        return Arrays.stream(line.split(" ")).collect(Collectors.toUnmodifiableSet());
    }

    @Test
    void theFastestKernelsFollowTheFlags() {
        assertEquals(Optional.of("SkylakeX"), OpenBlasKernels.bestFor(flags(ZEN5)));
        assertEquals(Optional.of("Haswell"), OpenBlasKernels.bestFor(flags(ZEN3)));
        assertEquals(Optional.of("Haswell"), OpenBlasKernels.bestFor(flags(XEON_PHI)));
        assertEquals(Optional.empty(), OpenBlasKernels.bestFor(flags(OLD)));
        assertEquals(Optional.empty(), OpenBlasKernels.bestFor(Set.of()));
    }

    @Test
    void aValueAlreadySetIsOnlyEverUpgradedToAvx512() {
        assertEquals("SkylakeX", OpenBlasKernels.choose(flags(ZEN5), null));
        assertEquals("SkylakeX", OpenBlasKernels.choose(flags(ZEN5), "Haswell"));
        assertEquals("cooperlake", OpenBlasKernels.choose(flags(ZEN5), "cooperlake"));
        assertEquals("Haswell", OpenBlasKernels.choose(flags(ZEN3), "  "));
        assertEquals("Zen", OpenBlasKernels.choose(flags(ZEN3), "Zen"));
        assertEquals("Barcelona", OpenBlasKernels.choose(flags(OLD), "Barcelona"));
        assertNull(OpenBlasKernels.choose(flags(OLD), null));
    }

    @Test
    void adviceNamesTheValueToExportAndTheLauncher() {
        String pinned = OpenBlasKernels.advice(flags(ZEN5), "Haswell").orElseThrow();
        assertTrue(pinned.startsWith("OPENBLAS_CORETYPE=Haswell holds OpenBLAS"), pinned);
        assertTrue(
                pinned.contains("AVX-512")
                        && pinned.contains("'export OPENBLAS_CORETYPE=SkylakeX'")
                        && pinned.contains("bin/e4j"),
                pinned);

        String unset = OpenBlasKernels.advice(flags(ZEN3), null).orElseThrow();
        assertTrue(unset.startsWith("OPENBLAS_CORETYPE is not set"), unset);
        assertTrue(unset.contains("'export OPENBLAS_CORETYPE=Haswell'"), unset);

        assertEquals(Optional.empty(), OpenBlasKernels.advice(flags(ZEN5), "SkylakeX"));
        assertEquals(Optional.empty(), OpenBlasKernels.advice(flags(ZEN3), "Zen"));
        assertEquals(Optional.empty(), OpenBlasKernels.advice(flags(OLD), null));
    }

    @Test
    void flagsAreWholeWordsFromTheFirstProcessor() {
        assertEquals(
                Set.of("avx2x", "avx512fq", "sse"),
                OpenBlasKernels.cpuFlags(List.of(
                        "processor : 0", "flags : avx2x avx512fq sse", "processor : 1", "flags : avx2 avx512f")));
        assertEquals(Set.of(), OpenBlasKernels.cpuFlags(List.of("processor : 0", "model name : x")));
    }

    /** bin/openblas-coretype sets the variable for the launchers; it must choose what this class advises. */
    @Test
    void theLaunchersScriptChoosesTheSame(@TempDir Path dir) throws Exception {
        Path script = Path.of("..", "bin", "openblas-coretype").toAbsolutePath().normalize();
        assertTrue(Files.isExecutable(script), script + " must exist and be executable");
        for (String cpu : List.of(ZEN5, ZEN3, XEON_PHI, OLD, "")) {
            Path cpuinfo = Files.writeString(
                    dir.resolve("cpuinfo"),
                    "processor\t: 0\nvendor_id\t: AuthenticAMD\n" + "flags\t\t: " + cpu
                            + "\nbugs\t\t: none\n\nprocessor\t: 1\nflags\t\t: avx512f\n");
            for (String current : Arrays.asList(null, "Haswell", "Zen", "SkylakeX", "cooperlake", "Barcelona")) {
                String expected = OpenBlasKernels.choose(cpu.isEmpty() ? Set.of() : flags(cpu), current);
                assertEquals(
                        expected == null ? "" : expected,
                        run(script, cpuinfo, current),
                        "flags [" + cpu + "], OPENBLAS_CORETYPE=" + current);
            }
        }
    }

    private static String run(Path script, Path cpuinfo, String current) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), cpuinfo.toString());
        builder.environment().remove(OpenBlasKernels.CORETYPE_VARIABLE);
        if (current != null) {
            builder.environment().put(OpenBlasKernels.CORETYPE_VARIABLE, current);
        }
        Process process = builder.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
