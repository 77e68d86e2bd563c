package org.estimator4j.cli.store;

import org.estimator4j.cli.E4jException;
import org.estimator4j.store.StoreException;

/** Store failures as the CLI's one-line errors: every command that opens the store reports them the same way. */
public final class StoreErrors {
    private StoreErrors() {}

    /** Store messages read "what went wrong; what to do": split them so the one-line error keeps that shape. */
    public static E4jException toE4j(StoreException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int split = message.indexOf("; ");
        return split < 0
                ? new E4jException(message, null, e)
                : new E4jException(message.substring(0, split), message.substring(split + 2), e);
    }
}
