package org.estimator4j.cli.doctor;

import java.util.Objects;

/** What one check found: a {@link Status} and a one-line detail (what was seen, and what to do if not OK). */
public record CheckResult(Status status, String detail) {

    public CheckResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public static CheckResult ok(String detail) {
        return new CheckResult(Status.OK, detail);
    }

    public static CheckResult warn(String detail) {
        return new CheckResult(Status.WARN, detail);
    }

    public static CheckResult fail(String detail) {
        return new CheckResult(Status.FAIL, detail);
    }
}
