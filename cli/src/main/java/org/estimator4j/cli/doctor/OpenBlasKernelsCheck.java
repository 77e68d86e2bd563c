package org.estimator4j.cli.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.estimator4j.estimators.dnn.OpenBlasKernels;

/**
 * Whether OpenBLAS, which runs the dense layers' matrix products, will load with the fastest kernels this CPU runs.
 * It reads {@code OPENBLAS_CORETYPE} once, when it loads, so like {@code OMP_WAIT_POLICY} this can only be fixed
 * before the JVM starts (bin/e4j does); see {@link OpenBlasKernels} for the rule and the measured difference.
 */
public final class OpenBlasKernelsCheck implements Check {

    private final Path cpuinfo;
    private final UnaryOperator<String> env;

    /** This machine and this process's environment. */
    public OpenBlasKernelsCheck() {
        this(Path.of("/proc/cpuinfo"), System::getenv);
    }

    /**
     * @param cpuinfo a /proc/cpuinfo listing
     * @param env looks up an environment variable by name, null when unset
     */
    public OpenBlasKernelsCheck(Path cpuinfo, UnaryOperator<String> env) {
        this.cpuinfo = Objects.requireNonNull(cpuinfo, "cpuinfo");
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public String name() {
        return "OpenBLAS";
    }

    @Override
    public CheckResult run() {
        String current = env.apply(OpenBlasKernels.CORETYPE_VARIABLE);
        Set<String> flags;
        try {
            flags = OpenBlasKernels.cpuFlags(Files.readAllLines(cpuinfo, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return CheckResult.warn("cannot read CPU flags from " + cpuinfo + " (" + e + "), so cannot tell whether "
                    + OpenBlasKernels.CORETYPE_VARIABLE + "=" + current + " suits this CPU");
        }
        String best = OpenBlasKernels.bestFor(flags)
                .map(name -> "this CPU runs up to " + name)
                .orElse("no AVX2 or AVX-512 here, so OpenBLAS' own choice is as good");
        return OpenBlasKernels.advice(flags, current)
                .map(CheckResult::warn)
                .orElseGet(() -> CheckResult.ok(
                        current == null || current.isBlank()
                                ? OpenBlasKernels.CORETYPE_VARIABLE + " not set; " + best
                                : OpenBlasKernels.CORETYPE_VARIABLE + "=" + current.strip() + "; " + best));
    }
}
