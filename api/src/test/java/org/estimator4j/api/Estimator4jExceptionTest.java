package org.estimator4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Estimator4jExceptionTest {
    @Test
    void theMessageJoinsProblemAndHint_whichStayApart() {
        IOException cause = new IOException("disk full");
        Estimator4jException e = new Estimator4jException("cannot write runs.mv.db", "free some space", cause);

        assertEquals("cannot write runs.mv.db; free some space", e.getMessage());
        assertEquals("cannot write runs.mv.db", e.problem());
        assertEquals(Optional.of("free some space"), e.hint());
        assertSame(cause, e.getCause());
    }

    @Test
    void aNullOrBlankHintIsNoHint() {
        for (Estimator4jException e : new Estimator4jException[] {
            new Estimator4jException("bad row"),
            new Estimator4jException("bad row", (String) null),
            new Estimator4jException("bad row", " ")
        }) {
            assertEquals("bad row", e.getMessage());
            assertEquals("bad row", e.problem());
            assertEquals(Optional.empty(), e.hint());
        }
    }
}
