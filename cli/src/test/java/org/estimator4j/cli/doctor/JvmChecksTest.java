package org.estimator4j.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Java version, processors and heap: the checks that read the running JVM. */
class JvmChecksTest {

    @Test
    void java16Fails() {
        CheckResult result = new JavaVersionCheck(16, "16.0.2 (Test)").run();
        assertEquals(Status.FAIL, result.status());
        assertTrue(result.detail().contains("16.0.2"), result.detail());
        assertTrue(result.detail().contains("JAVA_HOME"), result.detail());
    }

    @Test
    void java17And21AreOk() {
        assertEquals(Status.OK, new JavaVersionCheck(17, "17.0.15").run().status());
        assertEquals(Status.OK, new JavaVersionCheck(21, "21.0.5").run().status());
    }

    @Test
    void theRunningJvmPasses() {
        CheckResult result = new JavaVersionCheck().run();
        assertEquals(Status.OK, result.status());
        assertTrue(result.detail().contains(System.getProperty("java.version")), result.detail());
    }

    @Test
    void oneProcessorWarnsTwoIsOk() {
        assertEquals(Status.WARN, new ProcessorsCheck(1).run().status());
        CheckResult two = new ProcessorsCheck(2).run();
        assertEquals(Status.OK, two.status());
        assertEquals("2 available", two.detail());
    }

    @Test
    void smallHeapWarnsWithTheFix() {
        CheckResult result = new HeapCheck(512L << 20).run();
        assertEquals(Status.WARN, result.status());
        assertTrue(result.detail().startsWith("0.5 GiB"), result.detail());
        assertTrue(result.detail().contains("E4J_JAVA_OPTS"), result.detail());
    }

    @Test
    void heapOfAGibOrMoreIsOk() {
        assertEquals(Status.OK, new HeapCheck(1L << 30).run().status());
        CheckResult result = new HeapCheck(12L << 30).run();
        assertEquals(Status.OK, result.status());
        assertEquals("12.0 GiB", result.detail());
    }
}
