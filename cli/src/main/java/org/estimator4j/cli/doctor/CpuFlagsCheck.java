package org.estimator4j.cli.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.estimator4j.estimators.dnn.OpenBlasKernels;

/**
 * The CPU the ND4J natives will run on. e4j bundles only the generic {@code linux-x86_64} build of
 * nd4j-native (never the avx2/avx512 classifiers, which crash with SIGILL on CPUs without them), so any
 * x86-64 Linux machine is fine; the avx2/avx512f flags are reported for context (which OpenBLAS kernels
 * they allow is {@link OpenBlasKernelsCheck}'s line).
 */
public final class CpuFlagsCheck implements Check {

    static final String NATIVE_CLASSIFIER = "linux-x86_64";
    private static final List<String> REPORTED_FLAGS = List.of("avx2", "avx512f");

    private final String osName;
    private final String osArch;
    private final Path cpuinfo;

    /** This machine. */
    public CpuFlagsCheck() {
        this(System.getProperty("os.name"), System.getProperty("os.arch"), Path.of("/proc/cpuinfo"));
    }

    public CpuFlagsCheck(String osName, String osArch, Path cpuinfo) {
        this.osName = osName;
        this.osArch = osArch;
        this.cpuinfo = cpuinfo;
    }

    @Override
    public String name() {
        return "CPU";
    }

    @Override
    public CheckResult run() {
        boolean linux = osName != null && osName.toLowerCase(Locale.ROOT).startsWith("linux");
        boolean x8664 = "amd64".equals(osArch) || "x86_64".equals(osArch);
        if (!linux || !x8664) {
            return CheckResult.fail(osName
                    + " "
                    + osArch
                    + ": e4j bundles ND4J natives for "
                    + NATIVE_CLASSIFIER
                    + " only; run it on x86-64 Linux");
        }
        Set<String> flags;
        try {
            flags = OpenBlasKernels.cpuFlags(Files.readAllLines(cpuinfo, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return CheckResult.warn("cannot read CPU flags from "
                    + cpuinfo
                    + " ("
                    + e
                    + "); ND4J uses the "
                    + NATIVE_CLASSIFIER
                    + " build, which needs no particular flags");
        }
        if (flags.isEmpty()) {
            return CheckResult.warn("no 'flags' line in "
                    + cpuinfo
                    + "; ND4J uses the "
                    + NATIVE_CLASSIFIER
                    + " build, which needs no particular flags");
        }
        String present = REPORTED_FLAGS.stream()
                .map(flag -> flag + (flags.contains(flag) ? " yes" : " no"))
                .collect(Collectors.joining(", "));
        return CheckResult.ok(
                present + "; ND4J natives: generic " + NATIVE_CLASSIFIER + " classifier (not the avx2/avx512 builds)");
    }
}
