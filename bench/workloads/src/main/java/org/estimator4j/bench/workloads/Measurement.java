package org.estimator4j.bench.workloads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * One measured figure, a line of the results file both JVMs append to (tab-separated, in this field order).
 *
 * @param side {@code estimator4j}, {@code tensorflow}, or {@code machine} for the sgemm ceiling
 * @param workload a {@link Workload} id, or {@code sgemm}
 * @param phase {@code train}, {@code infer} (examples/s), {@code predict1} (p50 µs), {@code logloss}, {@code gflops}
 * @param batch the batch size, 1 for single examples, the matrix size for sgemm
 * @param note free text: the p99 of a latency, the thread settings
 */
public record Measurement(String side, String workload, String phase, int batch, int round, double value, String note) {
    public static final String TRAIN = "train";
    public static final String INFER = "infer";
    public static final String PREDICT_ONE = "predict1";
    public static final String LOG_LOSS = "logloss";
    public static final String GFLOPS = "gflops";

    public String line() {
        return String.join(
                "\t",
                side,
                workload,
                phase,
                Integer.toString(batch),
                Integer.toString(round),
                String.format(Locale.ROOT, "%.6g", value),
                note.replace('\t', ' ').replace('\n', ' '));
    }

    public static Measurement parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 7) {
            throw new IllegalArgumentException("not a results line (7 tab-separated fields): " + line);
        }
        return new Measurement(
                f[0], f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]), Double.parseDouble(f[5]), f[6]);
    }

    /** Appends to the results file (one short write per line, so two JVMs in turn never interleave a line). */
    public void appendTo(Path results) throws IOException {
        Files.writeString(
                results, line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public static List<Measurement> readAll(Path results) throws IOException {
        return Files.readAllLines(results, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .map(Measurement::parse)
                .toList();
    }
}
