package org.estimator4j.cli.store;

import org.estimator4j.cli.E4jException;
import org.estimator4j.store.StoreException;

/** Store failures as the CLI's one-line errors: every command that opens the store reports them the same way. */
public final class StoreErrors {
    private StoreErrors() {}

    /** What went wrong and what to do, from the exception's own fields. */
    public static E4jException toE4j(StoreException e) {
        return new E4jException(
                e.problem() == null ? e.toString() : e.problem(), e.hint().orElse(null), e);
    }
}
