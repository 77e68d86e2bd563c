package org.estimator4j.bench.estimators;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.CsvInputFn;
import org.estimator4j.api.table.Example;
import org.estimator4j.bench.estimators.AdultEstimatorsBench.Census;
import org.estimator4j.bench.estimators.AdultEstimatorsBench.Kind;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.serving.Predictor;

/**
 * Single-example serving latency of the census models trained on the real UCI Adult data (issue 4; target for wide
 * and deep: p50 ≤ 100 µs): each model is trained on {@code adult_train.csv} with the columns of the shipped configs
 * ({@code examples/census/wide_deep.json}, {@code linear.json}; see {@link AdultEstimatorsBench}), batch 40, for
 * {@code --epochs} epochs, exported, loaded with {@code Predictor.load}, and asked {@code predict(Map)} for the rows
 * of {@code adult_test.csv} in turn, raw features as a serving endpoint gets them (strings and integers; the label
 * and empty fields left out). One thread; p50 / p99 / p99.9 / max over {@code --calls} calls after {@code --warmup}
 * calls, plus the bytes each call allocates (what drives the young collections behind the tail).
 *
 * <p>Unlike {@link PredictorLatencyBench} (linear model, Adult-shaped generated data) it needs the shared data folder,
 * and prints a message and exits 0 when it is absent.
 *
 * <pre>
 * java -cp bench/target/estimator4j-bench.jar org.estimator4j.bench.estimators.CensusPredictorLatencyBench \
 *     --models wide-deep,dnn,linear --epochs 5 --calls 200000 --warmup 50000
 * </pre>
 */
public final class CensusPredictorLatencyBench {
    private CensusPredictorLatencyBench() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/data/adult");
        Path configs = Path.of("examples/census");
        List<Kind> kinds = List.of(Kind.WIDE_DEEP, Kind.DNN, Kind.LINEAR);
        int epochs = 5;
        int calls = 200_000;
        int warmup = 50_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--configs" -> configs = Path.of(args[++i]);
                case "--models" ->
                    kinds = Stream.of(args[++i].split(","))
                            .map(String::trim)
                            .map(Kind::named)
                            .toList();
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; options: --data DIR --configs DIR --models "
                            + "wide-deep,dnn,linear,baseline --epochs N --calls N --warmup N");
                    System.exit(2);
                }
            }
        }
        Path trainFile = data.resolve("adult_train.csv");
        Path testFile = data.resolve("adult_test.csv");
        if (!Files.isRegularFile(trainFile) || !Files.isRegularFile(testFile)) {
            System.out.println("no " + trainFile.toAbsolutePath().normalize() + " / adult_test.csv: the shared data "
                    + "folder is absent, nothing to measure (give its place with --data DIR)");
            return;
        }
        Census census = Census.fromConfigs(configs);
        CsvOptions train = CsvOptions.builder()
                .file(trainFile)
                .naTokens("")
                .labelColumns("income_bracket")
                .build();
        CsvOptions test = CsvOptions.builder().file(testFile).naTokens("").build();
        List<Map<String, Object>> requests = new ArrayList<>();
        for (Example e : Dataset.fromCsv(test).toList()) {
            Map<String, Object> m = new HashMap<>(e.toMap());
            m.remove("income_bracket");
            m.values().removeIf(Objects::isNull);
            requests.add(m);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        System.out.printf(
                Locale.ROOT,
                "%,d requests from %s; %d epochs of training at batch 40; %,d calls after "
                        + "%,d warm-up calls; JVM %s%n",
                requests.size(),
                testFile,
                epochs,
                calls,
                warmup,
                System.getProperty("java.version"));
        List<String> table = new ArrayList<>();
        for (Kind kind : kinds) {
            Path dir = Files.createTempDirectory("e4j-census-latency");
            ModelEstimator model = kind.estimator(census, dir.resolve("model"));
            long start = System.nanoTime();
            model.train(
                    CsvInputFn.builder(train)
                            .batchSize(40)
                            .shuffleBuffer(10_000)
                            .seed(1)
                            .epochs(epochs)
                            .build(),
                    Steps.untilEndOfInput());
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            double accuracy = model.evaluate(CsvInputFn.builder(CsvOptions.builder()
                                    .file(testFile)
                                    .naTokens("")
                                    .labelColumns("income_bracket")
                                    .build())
                            .batchSize(1000)
                            .build())
                    .metric("accuracy");
            Path bundle = model.export(dir.resolve("export"));
            start = System.nanoTime();
            Predictor predictor = Predictor.load(bundle);
            double loadMillis = (System.nanoTime() - start) / 1e6;

            double sink = 0;
            for (int i = 0; i < warmup; i++) {
                sink += predictor.predict(requests.get(i % requests.size())).probabilities()[1];
            }
            long[] nanos = new long[calls];
            long allocatedBefore = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                sink += predictor.predict(requests.get(i % requests.size())).probabilities()[1];
                nanos[i] = System.nanoTime() - t0;
            }
            long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
            Arrays.sort(nanos);
            double p50 = nanos[calls / 2] / 1e3;
            double p99 = nanos[(int) (calls * 0.99)] / 1e3;
            double p999 = nanos[(int) (calls * 0.999)] / 1e3;
            double max = nanos[calls - 1] / 1e3;
            System.out.printf(
                    Locale.ROOT,
                    "%s (trained %.1f s, accuracy %.4f on adult.test; Predictor.load %.0f ms): "
                            + "p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs; %,d bytes allocated a call "
                            + "(checksum %.1f)%n",
                    kind.estimator,
                    trainSeconds,
                    accuracy,
                    loadMillis,
                    p50,
                    p99,
                    p999,
                    max,
                    allocated / calls,
                    sink);
            table.add(String.format(
                    Locale.ROOT,
                    "| %s | %d epochs, accuracy %.4f | %.1f µs | %.1f µs | %.1f µs | " + "%.1f ms | %,d B |",
                    kind.estimator,
                    epochs,
                    accuracy,
                    p50,
                    p99,
                    p999,
                    max / 1e3,
                    allocated / calls));
            AdultEstimatorsBench.delete(dir);
        }
        System.out.println();
        System.out.println("| model | training | p50 | p99 | p99.9 | max | allocated a call |");
        System.out.println("|---|---|---|---|---|---|---|");
        table.forEach(System.out::println);
    }
}
