package org.estimator4j.bench.estimators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.CsvInputFn;
import org.estimator4j.api.table.Example;
import org.estimator4j.bench.csv.AdultShapedCsv;
import org.estimator4j.bench.features.CensusColumns;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.estimators.serving.Predictor;

/**
 * Single-example prediction latency of an exported census linear model (TF tutorial's wide columns, trained on
 * Adult-shaped data): p50 / p99 / max over 200,000 calls after 50,000 warm-up calls, one thread, raw features as a
 * Map, as a serving endpoint gets them.
 *
 * <pre>
 * java -cp bench/target/estimator4j-bench.jar org.estimator4j.bench.estimators.PredictorLatencyBench
 * </pre>
 */
public final class PredictorLatencyBench {
    private PredictorLatencyBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("e4j-predictor-bench");
        Path csv = dir.resolve("train.csv");
        AdultShapedCsv.write(csv, 5L << 20, 3);
        CsvOptions options = CsvOptions.builder()
                .file(csv)
                .naTokens("")
                .labelColumns("income_bracket")
                .build();
        ModelEstimator model = LinearClassifier.builder(new CensusColumns().wide)
                .labelVocabulary(List.of("<=50K", ">50K"))
                .runConfig(RunConfig.builder()
                        .modelDir(dir.resolve("model"))
                        .logStepCountSteps(Integer.MAX_VALUE)
                        .build())
                .build();
        model.train(CsvInputFn.builder(options).batchSize(40).epochs(1).build(), Steps.untilEndOfInput());
        Predictor predictor = Predictor.load(model.export(dir.resolve("export")));

        List<Map<String, Object>> requests = new ArrayList<>();
        for (Example e : Dataset.fromCsv(options).take(1000).toList()) {
            Map<String, Object> m = new java.util.HashMap<>(e.toMap());
            m.remove("income_bracket");
            m.values().removeIf(java.util.Objects::isNull);
            requests.add(m);
        }
        for (int i = 0; i < 50_000; i++) {
            predictor.predict(requests.get(i % requests.size()));
        }
        int n = 200_000;
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            predictor.predict(requests.get(i % requests.size()));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "census linear model, single-example predict: p50 %.1f µs, p99 %.1f µs, max " + "%.1f µs (%,d calls)%n",
                nanos[n / 2] / 1e3,
                nanos[(int) (n * 0.99)] / 1e3,
                nanos[n - 1] / 1e3,
                n);
    }
}
