package org.estimator4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.estimator4j.api.data.DataFormatException;
import org.estimator4j.store.StoreException;
import org.junit.jupiter.api.Test;

/** The one line reads the problem and the hint from the exception's fields, whichever module threw it. */
class OneLineErrorHandlerTest {
    @Test
    void aLibraryExceptionsHintIsWhatToDo() {
        StoreException e = new StoreException(
                "the backup file b.zip exists; it is 3 days old", "choose another name, or delete it");

        assertEquals(
                "e4j store backup failed: the backup file b.zip exists; it is 3 days old; choose another name, "
                        + "or delete it",
                OneLineErrorHandler.oneLine("e4j store backup", e, false));
    }

    @Test
    void aLibraryExceptionWithoutAHint_pointsToTheStackTrace() {
        DataFormatException e = new DataFormatException("train.csv", 17, 3, "cannot read 'abc' as int64");

        assertEquals(
                "e4j train failed: train.csv:17:3: cannot read 'abc' as int64; run 'e4j --verbose train ...' "
                        + "for the stack trace",
                OneLineErrorHandler.oneLine("e4j train", e, false));
    }

    @Test
    void aCommandsErrorWithoutAHint_pointsToVerbose() {
        assertEquals(
                "e4j x failed: it broke; run with --verbose for details",
                OneLineErrorHandler.oneLine("e4j x", new E4jException("it broke", null), false));
    }
}
