package org.estimator4j.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.TypeLiteral;
import java.util.List;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.Test;

class DoctorCommandTest {

    private record Fixed(String name, CheckResult result) implements Check {
        @Override
        public CheckResult run() {
            return result;
        }
    }

    private record Out(int exitCode, List<String> lines) {}

    /** {@code e4j doctor} with the doctor module swapped for {@code checks}. */
    private static Out doctor(Check... checks) {
        CliRun run = CliRun.e4j(
                binder -> binder.bind(new TypeLiteral<List<Check>>() {}).toInstance(List.of(checks)), "doctor");
        return new Out(run.exitCode(), run.out().lines().toList());
    }

    @Test
    void allOkExitsZeroWithOneLinePerCheck() {
        Out out = doctor(
                new Fixed("Java version", CheckResult.ok("17")),
                new Fixed("OMP_WAIT_POLICY", CheckResult.ok("PASSIVE")));

        assertEquals(0, out.exitCode());
        assertEquals(
                List.of(
                        "OK    Java version     17",
                        "OK    OMP_WAIT_POLICY  PASSIVE",
                        "2 checks: 2 OK, 0 WARN, 0 FAIL"),
                out.lines());
    }

    @Test
    void warningsStillExitZero() {
        Out out = doctor(new Fixed("a", CheckResult.ok("fine")), new Fixed("b", CheckResult.warn("meh")));

        assertEquals(0, out.exitCode());
        assertEquals("WARN  b                meh", out.lines().get(1));
        assertEquals("2 checks: 1 OK, 1 WARN, 0 FAIL", out.lines().get(2));
    }

    @Test
    void anyFailExitsOneButAllChecksStillRun() {
        Out out = doctor(new Fixed("a", CheckResult.fail("broken")), new Fixed("b", CheckResult.ok("fine")));

        assertEquals(1, out.exitCode());
        assertEquals("FAIL  a                broken", out.lines().get(0));
        assertEquals("OK    b                fine", out.lines().get(1));
        assertTrue(
                out.lines().get(2).startsWith("2 checks: 1 OK, 0 WARN, 1 FAIL"),
                out.lines().get(2));
    }

    @Test
    void aCheckThatThrowsIsAFailNotACrash() {
        Check throwing = new Check() {
            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public CheckResult run() {
                throw new IllegalStateException("no /proc");
            }
        };
        Out out = doctor(throwing);

        assertEquals(1, out.exitCode());
        assertTrue(out.lines().get(0).startsWith("FAIL  flaky"), out.lines().get(0));
        assertTrue(out.lines().get(0).contains("no /proc"), out.lines().get(0));
    }

    @Test
    void theDefaultChecksCoverTheRuntimeATrainingRunNeeds() {
        List<String> names =
                DoctorCommand.defaultChecks().stream().map(Check::name).toList();
        assertEquals(
                List.of("Java version", "Processors", "Max heap", "OMP_WAIT_POLICY", "CPU", "OpenBLAS", "ND4J backend"),
                names);
    }
}
