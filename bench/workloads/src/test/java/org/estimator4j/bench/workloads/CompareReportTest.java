package org.estimator4j.bench.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareReportTest {
    private static Measurement m(String side, Workload w, String phase, int batch, int round, double value) {
        return new Measurement(side, w.id, phase, batch, round, value, "");
    }

    @Test
    void mediansOverRoundsAndRatiosAgainstTensorFlow() {
        List<Measurement> r = new ArrayList<>();
        double[] e4j = {100, 300, 200};
        double[] tf = {90, 10, 100};
        for (int round = 1; round <= 3; round++) {
            r.add(m("estimator4j", Workload.MLP, Measurement.TRAIN, 256, round, e4j[round - 1]));
            r.add(m("tensorflow", Workload.MLP, Measurement.TRAIN, 256, round, tf[round - 1]));
        }
        CompareReport report = new CompareReport(r);
        assertEquals(
                200,
                report.median("estimator4j", Workload.MLP, Measurement.TRAIN, 256)
                        .getAsDouble());
        assertEquals(
                90,
                report.median("tensorflow", Workload.MLP, Measurement.TRAIN, 256)
                        .getAsDouble());
        CompareReport.Verdict v = report.targets().get("MLP training, batch 256, E4J / TF");
        assertEquals(200.0 / 90, v.ratio().getAsDouble(), 1e-9);
        assertTrue(v.holds());
        assertFalse(report.allHold(), "unmeasured targets do not hold");
        assertTrue(report.render().contains("| mlp | train | 256 | 200 | 90 | 2.22× |"), report.render());
    }

    @Test
    void latencyTargetsAreUpperBoundsAndTheCeilingGivesFractions() {
        List<Measurement> r = new ArrayList<>();
        r.add(m("estimator4j", Workload.WIDE_DEEP, Measurement.PREDICT_ONE, 1, 1, 20));
        r.add(m("tensorflow", Workload.WIDE_DEEP, Measurement.PREDICT_ONE, 1, 1, 30));
        r.add(m("estimator4j", Workload.MLP, Measurement.TRAIN, 1024, 1, 100_000));
        r.add(new Measurement("machine", "sgemm", Measurement.GFLOPS, 1024, 0, 80, "threads 1"));
        r.add(new Measurement("machine", "sgemm", Measurement.GFLOPS, 1024, 0, 117.1, "threads 2"));
        CompareReport report = new CompareReport(r);
        assertFalse(
                report.targets()
                        .get("wide-deep single-example predict p50, E4J / TF")
                        .holds(),
                "0.67 > 0.5");
        assertEquals(117.1, report.ceilingGflops().getAsDouble());
        // 100,000 examples/s × 300,544 FLOPs (3 × 117,248, less the first layer's 51,200 of input gradient)
        // = 30.1 GFLOP/s = 26% of 117.1
        assertTrue(report.render().contains("| 26% (30 GF/s) |"), report.render());
    }

    @Test
    void theCeilingIsTheBestOfEveryRunAndShapeAndAFractionAboveItIsFlagged() {
        List<Measurement> r = new ArrayList<>();
        r.add(new Measurement("machine", "sgemm", Measurement.GFLOPS, 1024, 0, 84, "1024×1024×1024, threads 1"));
        r.add(new Measurement("machine", "sgemm", Measurement.GFLOPS, 1024, 1, 120, "1024×1024×1024, threads 1"));
        r.add(new Measurement("machine", "sgemm", Measurement.GFLOPS, 1024, 0, 90, "1024×256×100, threads 1"));
        // 700,000 examples/s × 299,776 FLOPs = 209.8 GFLOP/s: above a 120 GFLOP/s ceiling.
        r.add(m("estimator4j", Workload.MLP, Measurement.TRAIN, 1024, 1, 700_000));
        r.add(m("tensorflow", Workload.MLP, Measurement.TRAIN, 1024, 1, 100_000));
        CompareReport report = new CompareReport(r);
        assertEquals(120, report.ceilingGflops().getAsDouble());
        String text = report.render();
        assertTrue(text.contains("1024×1024×1024, threads 1): best 120.0 GFLOP/s of 2 runs (lowest 84.0)"), text);
        assertTrue(text.contains("| 175% (210 GF/s) (!) | 25% (30 GF/s) |"), text);
        assertTrue(text.contains("WARNING: mlp train 1024 (Estimator4J) above 100% of the sgemm ceiling"), text);
    }

    @Test
    void logLossesCompareOnlyAfterTheSameExamples() {
        List<Measurement> same = new ArrayList<>();
        same.add(new Measurement(
                "estimator4j", "mlp", Measurement.LOG_LOSS, 256, 1, 0.30, "after 65536 examples " + "at batch 256"));
        same.add(new Measurement(
                "tensorflow", "mlp", Measurement.LOG_LOSS, 256, 1, 0.31, "after 65536 examples " + "at batch 256"));
        CompareReport report = new CompareReport(same);
        assertEquals("", report.logLossWarning());
        assertTrue(report.render().contains("| mlp | logloss |  | 0.3000 | 0.3100 |"), report.render());
        assertTrue(report.render().contains("(after 65536 examples at batch 256,"), report.render());

        List<Measurement> differing = new ArrayList<>(same);
        differing.add(new Measurement(
                "tensorflow", "mlp", Measurement.LOG_LOSS, 256, 2, 0.2, "after 131072 examples " + "at batch 256"));
        String warning = new CompareReport(differing).logLossWarning();
        assertTrue(warning.startsWith("WARNING: the log losses of mlp"), warning);
    }
}
