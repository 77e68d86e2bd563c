package org.estimator4j.bench.workloads;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * The one table of bench/compare.sh, from its results file: per workload, phase and batch size the median over rounds
 * of each side, their ratio, and for the deep models the fraction of the measured sgemm ceiling the matrix products
 * reach (flagged, with a warning, above 100 %); then the acceptance targets, each with its verdict.
 *
 * <pre>
 * java -cp bench/workloads/target/estimator4j-bench-workloads-*.jar org.estimator4j.bench.workloads.CompareReport \
 *     results.tsv
 * </pre>
 */
public final class CompareReport {
    static final String E4J = "estimator4j";
    static final String TF = "tensorflow";

    private final List<Measurement> results;

    CompareReport(List<Measurement> results) {
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("give the results file compare.sh wrote");
        }
        CompareReport report = new CompareReport(Measurement.readAll(Path.of(args[0])));
        System.out.print(report.render());
        if (!report.allHold()) {
            System.exit(1);
        }
    }

    /** The median of a side's values over its rounds, if it measured this. */
    OptionalDouble median(String side, Workload workload, String phase, int batch) {
        return median(m -> m.side().equals(side)
                && m.workload().equals(workload.id)
                && m.phase().equals(phase)
                && m.batch() == batch);
    }

    private OptionalDouble median(Predicate<Measurement> which) {
        double[] v = results.stream()
                .filter(which)
                .mapToDouble(Measurement::value)
                .sorted()
                .toArray();
        if (v.length == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2);
    }

    private long rounds(String side) {
        return results.stream()
                .filter(m -> m.side().equals(side))
                .mapToInt(Measurement::round)
                .distinct()
                .count();
    }

    /** The sgemm ceiling: the highest of the machine's measurements (one thread, one per core, OpenBLAS threads). */
    OptionalDouble ceilingGflops() {
        return results.stream()
                .filter(m -> m.phase().equals(Measurement.GFLOPS))
                .mapToDouble(Measurement::value)
                .max();
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Estimator4J vs TensorFlow-Java: medians of %d / %d rounds (A B A B)%n",
                rounds(E4J),
                rounds(TF)));
        results.stream()
                .filter(m -> m.phase().equals("threads"))
                .map(m -> m.side() + ": " + (int) m.value() + " cores; " + m.note())
                .distinct()
                .forEach(s -> out.append("- ").append(s).append('\n'));
        Map<String, List<Double>> sgemm = new LinkedHashMap<>();
        for (Measurement m : results) {
            if (m.phase().equals(Measurement.GFLOPS)) {
                // Results of old runs name no shape in the note: their products were square.
                String what = m.note().contains("×")
                        ? m.note()
                        : m.batch() + "×" + m.batch() + "×" + m.batch() + ", " + m.note();
                sgemm.computeIfAbsent(what, x -> new ArrayList<>()).add(m.value());
            }
        }
        sgemm.forEach((what, v) -> out.append(String.format(
                Locale.ROOT,
                "- sgemm (OpenBLAS, %s): best %.1f GFLOP/s of %d run%s%s%n",
                what,
                v.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                v.size(),
                v.size() == 1 ? "" : "s",
                v.size() == 1
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " (lowest %.1f)",
                                v.stream()
                                        .mapToDouble(Double::doubleValue)
                                        .min()
                                        .orElseThrow()))));
        ceilingGflops()
                .ifPresent(c -> out.append(
                        String.format(Locale.ROOT, "- sgemm ceiling: %.1f GFLOP/s, the best of these%n", c)));
        out.append('\n');
        List<String> overCeiling = new ArrayList<>();
        out.append("| workload | phase | batch | Estimator4J | TensorFlow | E4J / TF | E4J of sgemm | TF of sgemm |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Workload w : Workload.values()) {
            for (String phase :
                    List.of(Measurement.TRAIN, Measurement.INFER, Measurement.PREDICT_ONE, Measurement.LOG_LOSS)) {
                for (int batch : batches(w, phase)) {
                    row(out, w, phase, batch, overCeiling);
                }
            }
        }
        if (!overCeiling.isEmpty()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%nWARNING: %s above 100%% of the sgemm ceiling: the ceiling runs "
                            + "measured the machine slower than the products it bounds (busy while they ran?) or a FLOP count "
                            + "is off; those fractions are not true.%n",
                    String.join(", ", overCeiling)));
        }
        String lossWarning = logLossWarning();
        if (!lossWarning.isEmpty()) {
            out.append('\n').append(lossWarning).append('\n');
        }
        out.append('\n').append("Targets (issue 7):\n");
        for (Map.Entry<String, Verdict> t : targets().entrySet()) {
            out.append(String.format(Locale.ROOT, "- %s: %s%n", t.getKey(), t.getValue()));
        }
        out.append('\n')
                .append("examples/s for train and infer; p50 µs for predict1 (E4J / TF below 1 is faster); "
                        + "logloss on the first 8,192 rows of a fresh model trained on the same examples on both sides ("
                        + logLossExamples()
                        + ", batches in the data's order; the timed phases train for a time, so their "
                        + "models saw different counts), a check that both sides learned alike. "
                        + "Fraction of sgemm: the deep part's matrix-product FLOPs per example (2 per multiply-add; in "
                        + "training ×3, less the first layer's input gradient where no embedding needs it) × examples/s over the "
                        + "ceiling.\n");
        return out.toString();
    }

    private int[] batches(Workload w, String phase) {
        return results.stream()
                .filter(m -> m.workload().equals(w.id) && m.phase().equals(phase))
                .mapToInt(Measurement::batch)
                .distinct()
                .sorted()
                .toArray();
    }

    private void row(StringBuilder out, Workload w, String phase, int batch, List<String> overCeiling) {
        OptionalDouble e = median(E4J, w, phase, batch);
        OptionalDouble t = median(TF, w, phase, batch);
        boolean rate = phase.equals(Measurement.TRAIN) || phase.equals(Measurement.INFER);
        long flops = phase.equals(Measurement.TRAIN)
                ? w.trainingFlopsPerExample()
                : phase.equals(Measurement.INFER) ? w.inferenceFlopsPerExample() : 0;
        out.append(String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                w.id,
                phase,
                phase.equals(Measurement.LOG_LOSS) ? "" : Integer.toString(batch),
                format(e, phase),
                format(t, phase),
                phase.equals(Measurement.LOG_LOSS) ? "" : ratio(e, t),
                rate ? ofCeiling(e, flops, w + " " + phase + " " + batch + " (Estimator4J)", overCeiling) : "",
                rate ? ofCeiling(t, flops, w + " " + phase + " " + batch + " (TensorFlow)", overCeiling) : ""));
    }

    private static String format(OptionalDouble v, String phase) {
        if (v.isEmpty()) {
            return "—";
        }
        return switch (phase) {
            case Measurement.PREDICT_ONE -> String.format(Locale.ROOT, "%.1f µs", v.getAsDouble());
            case Measurement.LOG_LOSS -> String.format(Locale.ROOT, "%.4f", v.getAsDouble());
            default -> String.format(Locale.ROOT, "%,.0f", v.getAsDouble());
        };
    }

    private static String ratio(OptionalDouble e, OptionalDouble t) {
        return e.isPresent() && t.isPresent()
                ? String.format(Locale.ROOT, "%.2f×", e.getAsDouble() / t.getAsDouble())
                : "—";
    }

    /** The fraction of the ceiling, marked and listed in {@code overCeiling} when above 100 %. */
    private String ofCeiling(
            OptionalDouble examplesPerSecond, long flopsPerExample, String what, List<String> overCeiling) {
        OptionalDouble ceiling = ceilingGflops();
        if (flopsPerExample == 0 || examplesPerSecond.isEmpty() || ceiling.isEmpty()) {
            return "";
        }
        double gflops = examplesPerSecond.getAsDouble() * flopsPerExample / 1e9;
        double percent = 100 * gflops / ceiling.getAsDouble();
        if (Math.round(percent) > 100) {
            overCeiling.add(what);
        }
        return String.format(
                Locale.ROOT, "%.0f%% (%.0f GF/s)%s", percent, gflops, Math.round(percent) > 100 ? " (!)" : "");
    }

    /** How many examples the log-loss models trained on, from the measurements' notes ("after N examples, ..."). */
    private String logLossExamples() {
        List<String> notes = results.stream()
                .filter(m -> m.phase().equals(Measurement.LOG_LOSS))
                .map(Measurement::note)
                .filter(n -> !n.isBlank())
                .distinct()
                .toList();
        return notes.isEmpty() ? "count not recorded" : String.join("; ", notes);
    }

    /** A warning when the two sides' log losses of a workload came from different training (nothing otherwise). */
    String logLossWarning() {
        List<String> differing = new ArrayList<>();
        for (Workload w : Workload.values()) {
            List<String> notes = results.stream()
                    .filter(m -> m.workload().equals(w.id) && m.phase().equals(Measurement.LOG_LOSS))
                    .map(m -> m.batch() + " " + m.note())
                    .distinct()
                    .toList();
            if (notes.size() > 1) {
                differing.add(w.id + " (" + String.join(" / ", notes) + ")");
            }
        }
        return differing.isEmpty()
                ? ""
                : "WARNING: the log losses of " + String.join(", ", differing)
                        + " come from different numbers of examples or batch sizes: they do not compare.";
    }

    /** A target's measured ratio and whether it holds. */
    record Verdict(OptionalDouble ratio, double bound, boolean atMost) {
        boolean holds() {
            return ratio.isPresent() && (atMost ? ratio.getAsDouble() <= bound : ratio.getAsDouble() >= bound);
        }

        @Override
        public String toString() {
            if (ratio.isEmpty()) {
                return "not measured";
            }
            return String.format(
                    Locale.ROOT,
                    "%.2f× (target %s %.1f×) %s",
                    ratio.getAsDouble(),
                    atMost ? "≤" : "≥",
                    bound,
                    holds() ? "PASS" : "FAIL");
        }
    }

    /** The acceptance targets in the order it lists them. */
    Map<String, Verdict> targets() {
        Map<String, Verdict> t = new LinkedHashMap<>();
        t.put("MLP training, batch 256, E4J / TF", at(Workload.MLP, Measurement.TRAIN, 256, 1.0, false));
        t.put("MLP training, batch 1024, E4J / TF", at(Workload.MLP, Measurement.TRAIN, 1024, 1.0, false));
        t.put(
                "sparse linear training, batch 32, E4J / TF",
                at(Workload.SPARSE_LINEAR, Measurement.TRAIN, 32, 5.0, false));
        for (int batch : batches(Workload.WIDE_DEEP, Measurement.TRAIN)) {
            t.put(
                    "wide & deep training, batch " + batch + ", E4J / TF",
                    at(Workload.WIDE_DEEP, Measurement.TRAIN, batch, 1.0, false));
        }
        for (Workload w : Workload.values()) {
            t.put(w.id + " single-example predict p50, E4J / TF", at(w, Measurement.PREDICT_ONE, 1, 0.5, true));
        }
        return t;
    }

    private Verdict at(Workload w, String phase, int batch, double bound, boolean atMost) {
        OptionalDouble e = median(E4J, w, phase, batch);
        OptionalDouble tf = median(TF, w, phase, batch);
        OptionalDouble r = e.isPresent() && tf.isPresent()
                ? OptionalDouble.of(e.getAsDouble() / tf.getAsDouble())
                : OptionalDouble.empty();
        return new Verdict(r, bound, atMost);
    }

    /** Whether every target holds (compare.sh's exit status). */
    boolean allHold() {
        return targets().values().stream().allMatch(Verdict::holds);
    }
}
