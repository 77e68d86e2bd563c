package org.estimator4j.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OmpWaitPolicyCheckTest {

    private static CheckResult withEnv(Map<String, String> env) {
        return new OmpWaitPolicyCheck(env::get).run();
    }

    @Test
    void passiveIsOk() {
        CheckResult result = withEnv(Map.of("OMP_WAIT_POLICY", "PASSIVE"));
        assertEquals(Status.OK, result.status());
        assertEquals("PASSIVE", result.detail());
    }

    @Test
    void passiveIsCaseInsensitiveAsInLibgomp() {
        assertEquals(Status.OK, withEnv(Map.of("OMP_WAIT_POLICY", "passive")).status());
    }

    @Test
    void unsetWarnsAndSaysHowToFixIt() {
        CheckResult result = withEnv(Map.of());
        assertEquals(Status.WARN, result.status());
        assertTrue(result.detail().startsWith("not set"), result.detail());
        assertTrue(result.detail().contains("bin/e4j"), result.detail());
        assertTrue(result.detail().contains("export OMP_WAIT_POLICY=PASSIVE"), result.detail());
    }

    @Test
    void blankCountsAsUnset() {
        assertTrue(withEnv(Map.of("OMP_WAIT_POLICY", " ")).detail().startsWith("not set"));
    }

    @Test
    void activeWarnsNamingTheValue() {
        CheckResult result = withEnv(Map.of("OMP_WAIT_POLICY", "ACTIVE"));
        assertEquals(Status.WARN, result.status());
        assertTrue(result.detail().startsWith("ACTIVE, not PASSIVE"), result.detail());
        assertTrue(result.detail().contains("bin/e4j"), result.detail());
    }

    @Test
    void looksUpTheRightVariable() {
        CheckResult result = withEnv(Map.of("OMP_WAIT_POLICY_X", "PASSIVE", "WAIT_POLICY", "PASSIVE"));
        assertEquals(Status.WARN, result.status());
    }
}
