package org.estimator4j.cli.doctor;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code e4j doctor}: one OK/WARN/FAIL line per check of the runtime a training run needs. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Check the runtime a training run needs: Java version, processors and heap,"
                    + " OMP_WAIT_POLICY, CPU flags, OpenBLAS kernels, and that the ND4J CPU backend loads and computes.",
            "Prints one OK/WARN/FAIL line per check; exits 1 if any check FAILs."
        })
public final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final List<Check> checks;

    /** The checks of {@link #defaultChecks()}. */
    public DoctorCommand() {
        this(defaultChecks());
    }

    /** These checks, in order (e4j binds {@link #defaultChecks()} in {@code wiring.DoctorModule}). */
    @Inject
    public DoctorCommand(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Cheap checks first; the ND4J backend, which loads the natives, last. */
    public static List<Check> defaultChecks() {
        return List.of(
                new JavaVersionCheck(),
                new ProcessorsCheck(),
                new HeapCheck(),
                new OmpWaitPolicyCheck(),
                new CpuFlagsCheck(),
                new OpenBlasKernelsCheck(),
                new Nd4jBackendCheck());
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int warnings = 0;
        int failures = 0;
        for (Check check : checks) {
            CheckResult result = runSafely(check);
            out.println(line(check.name(), result));
            out.flush(); // the ND4J check takes seconds: show what is known so far
            switch (result.status()) {
                case WARN -> warnings++;
                case FAIL -> failures++;
                default -> {}
            }
        }
        out.println(String.format(
                Locale.ROOT,
                "%d checks: %d OK, %d WARN, %d FAIL%s",
                checks.size(),
                checks.size() - warnings - failures,
                warnings,
                failures,
                failures > 0 ? " - fix the FAIL lines before training" : ""));
        out.flush();
        return failures > 0 ? CommandLine.ExitCode.SOFTWARE : CommandLine.ExitCode.OK;
    }

    static String line(String name, CheckResult result) {
        return String.format(Locale.ROOT, "%-4s  %-15s  %s", result.status(), name, result.detail());
    }

    private static CheckResult runSafely(Check check) {
        try {
            return check.run();
        } catch (RuntimeException e) {
            return CheckResult.fail("the check itself failed: " + e);
        }
    }
}
