package org.estimator4j.cli.doctor;

/** How many CPUs the JVM may use: ND4J sizes its OpenMP thread pool from this. */
public final class ProcessorsCheck implements Check {

    private final int processors;

    /** The running JVM (honours container CPU limits). */
    public ProcessorsCheck() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public ProcessorsCheck(int processors) {
        this.processors = processors;
    }

    @Override
    public String name() {
        return "Processors";
    }

    @Override
    public CheckResult run() {
        if (processors < 2) {
            return CheckResult.warn(processors
                    + " available: training runs single-threaded"
                    + " (raise the container's CPU limit for parallel linear algebra)");
        }
        return CheckResult.ok(processors + " available");
    }
}
