package org.estimator4j.estimators.dnn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of OpenBLAS' CPU-specific kernel sets the dense layers should run on. OpenBLAS (0.3.19, the build ND4J ships)
 * picks one when it loads, from the environment variable {@value #CORETYPE_VARIABLE} or else from the CPU model, and
 * the choice cannot change inside a running JVM. Its CPU table predates AMD's AVX-512 processors: on a Zen 5 it takes
 * its generic SSE3 kernels (43 GFLOP/s for a 1024³ sgemm on one core, measured), and machines that pin
 * {@code OPENBLAS_CORETYPE=Haswell} to avoid that get AVX2 kernels (84 GFLOP/s) where the CPU runs the AVX-512 ones
 * (SkylakeX: 132 GFLOP/s; an MLP's training 1.6× faster at batch 1024).
 *
 * <p>The rule here picks the kernels from the CPU's flags and only ever upgrades a value already set: AVX-512
 * (F, CD, BW, DQ, VL) runs {@code SkylakeX}; AVX2 with FMA runs {@code Haswell}; a value naming an AVX-512 set, or any
 * value on a CPU without AVX-512, is kept. {@code bin/openblas-coretype} applies the same rule for the launchers, which
 * set the variable before the JVM starts; inside a JVM it can only be reported ({@link #advice}).
 */
public final class OpenBlasKernels {
    /** The environment variable OpenBLAS reads once, when it loads. */
    public static final String CORETYPE_VARIABLE = "OPENBLAS_CORETYPE";

    static final String AVX512_KERNELS = "SkylakeX";
    static final String AVX2_KERNELS = "Haswell";

    private static final List<String> AVX512_FLAGS = List.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");
    private static final List<String> AVX2_FLAGS = List.of("avx2", "fma");
    /** OpenBLAS' names of kernel sets built on AVX-512, lower case. */
    private static final Set<String> AVX512_NAMES = Set.of("skylakex", "cooperlake", "sapphirerapids");

    private OpenBlasKernels() {}

    /** The fastest kernel set this CPU runs, by its flags; empty when OpenBLAS' own choice is as good. */
    public static Optional<String> bestFor(Set<String> cpuFlags) {
        if (cpuFlags.containsAll(AVX512_FLAGS)) {
            return Optional.of(AVX512_KERNELS);
        }
        if (cpuFlags.containsAll(AVX2_FLAGS)) {
            return Optional.of(AVX2_KERNELS);
        }
        return Optional.empty();
    }

    /**
     * The value of {@value #CORETYPE_VARIABLE} to start a JVM with: {@code current} (null or blank when unset) unless
     * this CPU runs faster kernels than it names; null when the variable should stay unset.
     */
    public static String choose(Set<String> cpuFlags, String current) {
        Optional<String> best = bestFor(cpuFlags);
        boolean unset = current == null || current.isBlank();
        if (best.isEmpty()) {
            return unset ? null : current;
        }
        if (unset) {
            return best.get();
        }
        boolean currentIsAvx512 = AVX512_NAMES.contains(current.strip().toLowerCase(Locale.ROOT));
        return best.get().equals(AVX512_KERNELS) && !currentIsAvx512 ? best.get() : current;
    }

    /**
     * What to do when a JVM started with {@code current} as {@value #CORETYPE_VARIABLE} leaves this CPU's faster
     * kernels unused; empty when it does not.
     */
    public static Optional<String> advice(Set<String> cpuFlags, String current) {
        String chosen = choose(cpuFlags, current);
        if (chosen == null || chosen.equals(current)) {
            return Optional.empty();
        }
        String now = current == null || current.isBlank()
                ? CORETYPE_VARIABLE + " is not set, so OpenBLAS guesses its kernels from the CPU model (its table"
                        + " predates recent CPUs, which get generic SSE3 kernels)"
                : CORETYPE_VARIABLE + "=" + current.strip() + " holds OpenBLAS to kernels this CPU outruns";
        String gain = chosen.equals(AVX512_KERNELS) ? "AVX-512" : "AVX2";
        return Optional.of(now + "; this CPU runs its " + gain + " kernels, " + chosen
                + " (about 1.6x faster dense layers): start the JVM with bin/e4j, or with 'export " + CORETYPE_VARIABLE
                + "=" + chosen + "' beforehand");
    }

    /** The flags of the first processor in a /proc/cpuinfo listing; empty if there is no flags line. */
    public static Set<String> cpuFlags(List<String> cpuinfoLines) {
        for (String line : cpuinfoLines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals("flags")) {
                return Arrays.stream(line.substring(colon + 1).strip().split("\\s+"))
                        .filter(flag -> !flag.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
            }
        }
        return Set.of();
    }

    /** This machine's CPU flags from {@code /proc/cpuinfo}; empty where there is none (not Linux) or it is unreadable. */
    public static Set<String> thisMachinesFlags() {
        try {
            return cpuFlags(Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }
}
