package org.estimator4j.cli.doctor;

import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * {@code OMP_WAIT_POLICY} must be PASSIVE before the JVM starts: with OpenMP's default, ND4J's idle
 * threads spin (DL4J training on 2 threads ran 2-6x slower on a shared machine). OpenMP reads the
 * variable once when libgomp loads, so it cannot be fixed from inside a running JVM.
 */
public final class OmpWaitPolicyCheck implements Check {

    static final String VARIABLE = "OMP_WAIT_POLICY";

    private final UnaryOperator<String> env;

    /** This process's environment. */
    public OmpWaitPolicyCheck() {
        this(System::getenv);
    }

    /** @param env looks up an environment variable by name, null when unset */
    public OmpWaitPolicyCheck(UnaryOperator<String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public String name() {
        return VARIABLE;
    }

    @Override
    public CheckResult run() {
        String value = env.apply(VARIABLE);
        String fix = "start e4j with bin/e4j, or 'export " + VARIABLE + "=PASSIVE' before starting the JVM";
        if (value == null || value.isBlank()) {
            return CheckResult.warn("not set, so OpenMP threads spin while idle (2-6x slower training): " + fix);
        }
        if (!value.strip().toUpperCase(Locale.ROOT).equals("PASSIVE")) {
            return CheckResult.warn(value + ", not PASSIVE, so OpenMP threads may spin while idle: " + fix);
        }
        return CheckResult.ok(value);
    }
}
