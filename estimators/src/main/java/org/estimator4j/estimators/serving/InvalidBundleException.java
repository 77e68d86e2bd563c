package org.estimator4j.estimators.serving;

/**
 * A bundle that cannot be served or written as asked: a missing or mismatched manifest, a file that leaves the
 * bundle, a file too large or not a regular file; at export, a different bundle already in place or a file the model
 * reads that changed since training. {@link #problem()} names the file and what is wrong with it, {@link #remedy()} what to
 * do next, so a command line can print them as one line; {@link #getMessage()} joins both. It stays an
 * {@link IllegalStateException} rather than an {@link org.estimator4j.api.Estimator4jException}: callers catch a
 * bundle that cannot be served as the state error it has always been.
 */
public final class InvalidBundleException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String remedy;

    public InvalidBundleException(String problem, String remedy) {
        super(problem + "; " + remedy);
        this.problem = problem;
        this.remedy = remedy;
    }

    /** What is wrong, naming the bundle and the file at fault. */
    public String problem() {
        return problem;
    }

    /** What to do about it (export again, upgrade, ...). */
    public String remedy() {
        return remedy;
    }
}
