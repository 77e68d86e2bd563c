package org.estimator4j.cli.doctor;

/** The Java runtime must be 17 or newer (the project's release level). */
public final class JavaVersionCheck implements Check {

    static final int MINIMUM_FEATURE = 17;

    private final int feature;
    private final String description;

    /** The running JVM. */
    public JavaVersionCheck() {
        this(
                Runtime.version().feature(),
                System.getProperty("java.version")
                        + " ("
                        + System.getProperty("java.vendor")
                        + ") at "
                        + System.getProperty("java.home"));
    }

    /** @param feature the feature release, e.g. 17; @param description what to print about the runtime */
    public JavaVersionCheck(int feature, String description) {
        this.feature = feature;
        this.description = description;
    }

    @Override
    public String name() {
        return "Java version";
    }

    @Override
    public CheckResult run() {
        if (feature < MINIMUM_FEATURE) {
            return CheckResult.fail("Java "
                    + description
                    + " is older than "
                    + MINIMUM_FEATURE
                    + ": install JDK "
                    + MINIMUM_FEATURE
                    + "+ and point JAVA_HOME at it");
        }
        return CheckResult.ok("Java " + description);
    }
}
