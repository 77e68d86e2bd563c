package org.estimator4j.bench.estimators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.CsvInputFn;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.table.Batch;
import org.estimator4j.estimators.Model;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.baseline.BaselineClassifier;
import org.estimator4j.estimators.baseline.BaselinePart;
import org.estimator4j.estimators.checkpoint.Checkpoints;
import org.estimator4j.estimators.dnn.DNNClassifier;
import org.estimator4j.estimators.dnn.DnnOptions;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.estimators.linear.LinearPart;
import org.estimator4j.estimators.linear.SparseCombiner;
import org.estimator4j.estimators.optimizer.AdagradOptimizer;
import org.estimator4j.estimators.optimizer.FtrlOptimizer;
import org.estimator4j.estimators.optimizer.Optimizer;
import org.estimator4j.estimators.widedeep.DNNLinearCombinedClassifier;
import org.estimator4j.estimators.widedeep.WideDeepPart;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.json.FeatureColumnJson;

/**
 * Training and inference examples/s of every premade classifier on the real UCI Adult data (issue 4), so the
 * estimators can be compared on one workload with the columns users actually train: those of the shipped configs
 * {@code examples/census/linear.json} (LinearClassifier) and {@code examples/census/wide_deep.json} (its
 * dnn_feature_columns for DNNClassifier, both lists for DNNLinearCombinedClassifier; hidden units from the config).
 * Each estimator has its TensorFlow default optimizer (FTRL 0.2 linear, Adagrad 0.05 DNN, FTRL min(0.005,
 * 1/sqrt(columns)) + Adagrad 0.001 wide and deep, FTRL 0.3 baseline).
 *
 * <p>Training: {@code adult_train.csv} (32,561 rows) is read into memory as labelled batches first and replayed for
 * {@code --epochs} passes, so the input pipeline is not timed ({@code memory}); with {@code csv} the same training
 * streams the file through {@code CsvInputFn} (one parsing thread, shuffle buffer 10,000), as {@code e4j train} does.
 * Each timed {@code train()} builds a fresh model and includes the one checkpoint written when it ends (a few hundred
 * KB here). One warm-up round, then the median of {@code --rounds}.
 *
 * <p>Inference, on {@code adult_test.csv} (16,281 rows) in memory at each inference batch size, {@code --epochs}
 * passes a round, with the model the last training round left: {@code Model.inference} (the logits alone: transform and forward pass, the model rebuilt
 * as a serving bundle rebuilds it and restored from the checkpoint) and {@code ModelEstimator.evaluate} (logits, loss
 * and every metric, AUC included, plus one checkpoint read per call).
 *
 * <p>The DNN's matrix products run in OpenBLAS, which starts one thread per core unless {@code OPENBLAS_NUM_THREADS}
 * says otherwise; on a 2-core machine the second thread mostly spins, so run it both ways (see RESULTS.md).
 *
 * <p>Prints a message and exits 0 when the shared data folder is absent.
 *
 * <pre>
 * java -cp bench/target/estimator4j-bench.jar org.estimator4j.bench.estimators.AdultEstimatorsBench \
 *     --data ../shared/data/adult --train-batch 40,256 --infer-batch 32,256,1024 --epochs 10 --rounds 3
 * </pre>
 */
public final class AdultEstimatorsBench {
    private static final String LABEL = "income_bracket";
    private static final List<String> VOCABULARY = List.of("<=50K", ">50K");
    private static final FtrlOptimizer LINEAR_FTRL = FtrlOptimizer.withLearningRate(0.2);
    private static final FtrlOptimizer BASELINE_FTRL = FtrlOptimizer.withLearningRate(0.3);
    private static final Optimizer DNN_ADAGRAD = AdagradOptimizer.withLearningRate(0.05);

    private AdultEstimatorsBench() {}

    /** The census columns and network shape of the shipped example configs. */
    record Census(
            List<FeatureColumn> linear, List<FeatureColumn> wide, List<FeatureColumn> deep, List<Integer> hidden) {
        static Census fromConfigs(Path dir) throws IOException {
            ObjectMapper mapper = new ObjectMapper();
            JsonNode linear = mapper.readTree(dir.resolve("linear.json").toFile());
            JsonNode wideDeep = mapper.readTree(dir.resolve("wide_deep.json").toFile());
            List<Integer> hidden = new ArrayList<>();
            wideDeep.path("estimator").path("dnn_hidden_units").forEach(u -> hidden.add(u.asInt()));
            return new Census(
                    FeatureColumnJson.fromJson(linear.get("feature_columns")),
                    FeatureColumnJson.fromJson(wideDeep.get("linear_feature_columns")),
                    FeatureColumnJson.fromJson(wideDeep.get("dnn_feature_columns")),
                    List.copyOf(hidden));
        }
    }

    enum Kind {
        LINEAR("LinearClassifier"),
        DNN("DNNClassifier"),
        WIDE_DEEP("DNNLinearCombinedClassifier"),
        BASELINE("BaselineClassifier");

        final String estimator;

        Kind(String estimator) {
            this.estimator = estimator;
        }

        static Kind named(String name) {
            for (Kind k : values()) {
                if (k.estimator.equalsIgnoreCase(name) || k.name().equalsIgnoreCase(name.replace('-', '_'))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown estimator " + name + "; use linear, dnn, wide-deep, baseline");
        }

        ModelEstimator estimator(Census c, Path modelDir) {
            RunConfig config = RunConfig.builder()
                    .modelDir(modelDir)
                    .saveCheckpointsSecs(1_000_000)
                    .logStepCountSteps(Integer.MAX_VALUE)
                    .build();
            return switch (this) {
                case LINEAR ->
                    LinearClassifier.builder(c.linear)
                            .optimizer(LINEAR_FTRL)
                            .labelVocabulary(VOCABULARY)
                            .runConfig(config)
                            .build();
                case DNN ->
                    DNNClassifier.builder(c.deep)
                            .hiddenUnits(c.hidden)
                            .optimizer(DNN_ADAGRAD)
                            .labelVocabulary(VOCABULARY)
                            .runConfig(config)
                            .build();
                case WIDE_DEEP ->
                    DNNLinearCombinedClassifier.builder(c.wide, c.deep)
                            .dnnHiddenUnits(c.hidden)
                            .labelVocabulary(VOCABULARY)
                            .runConfig(config)
                            .build();
                case BASELINE ->
                    BaselineClassifier.builder()
                            .optimizer(BASELINE_FTRL)
                            .labelVocabulary(VOCABULARY)
                            .runConfig(config)
                            .build();
            };
        }

        /** The model as a serving bundle rebuilds it (same parts, scopes and slot shapes), before restore. */
        Model part(Census c) {
            return switch (this) {
                case LINEAR -> new LinearPart(c.linear, 1, SparseCombiner.SUM, LINEAR_FTRL);
                case DNN -> dnn(c.deep, c.hidden, DNN_ADAGRAD);
                case WIDE_DEEP ->
                    new WideDeepPart(
                            new LinearPart(c.wide, 1, SparseCombiner.SUM, LINEAR_FTRL),
                            dnn(c.deep, c.hidden, AdagradOptimizer.withLearningRate(0.001)));
                case BASELINE -> new BaselinePart(1, BASELINE_FTRL);
            };
        }

        private static Model dnn(List<FeatureColumn> columns, List<Integer> hidden, Optimizer optimizer) {
            DnnOptions options = new DnnOptions(columns, optimizer);
            options.hiddenUnits(hidden);
            return options.newPart(1, 42);
        }
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/data/adult");
        Path configs = Path.of("examples/census");
        List<Kind> kinds = List.of(Kind.values());
        List<Integer> trainBatches = List.of(40, 256);
        List<Integer> inferBatches = List.of(32, 256, 1024);
        List<String> inputs = List.of("memory", "csv");
        int epochs = 10;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--configs" -> configs = Path.of(args[++i]);
                case "--estimators" ->
                    kinds = Stream.of(args[++i].split(","))
                            .map(String::trim)
                            .map(Kind::named)
                            .toList();
                case "--train-batch" -> trainBatches = ints(args[++i]);
                case "--infer-batch" -> inferBatches = ints(args[++i]);
                case "--input" -> inputs = List.of(args[++i].split(","));
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; options: --data DIR --configs DIR "
                            + "--estimators linear,dnn,wide-deep,baseline --train-batch 40,256 --infer-batch "
                            + "32,256,1024 --input memory,csv --epochs N --rounds N");
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
        CsvOptions trainCsv = CsvOptions.builder()
                .file(trainFile)
                .naTokens("")
                .labelColumns(LABEL)
                .build();
        CsvOptions testCsv = CsvOptions.builder()
                .file(testFile)
                .naTokens("")
                .labelColumns(LABEL)
                .build();
        System.out.printf(
                Locale.ROOT,
                "Adult: %s; hidden units %s; %d epochs a round, median of %d rounds after a "
                        + "warm-up; %d cores, JVM %s%n",
                data,
                census.hidden,
                epochs,
                rounds,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        List<String> table = new ArrayList<>();
        for (Kind kind : kinds) {
            Path lastModel = null;
            for (int batch : trainBatches) {
                List<LabeledBatch> batches = load(trainCsv, batch);
                long rows = batches.stream().mapToLong(LabeledBatch::numRows).sum();
                for (String input : inputs) {
                    int e = epochs;
                    InputFn fn = switch (input) {
                        case "memory" -> mode -> Dataset.fromIterable(batches).repeat(e);
                        case "csv" ->
                            CsvInputFn.builder(trainCsv)
                                    .batchSize(batch)
                                    .shuffleBuffer(10_000)
                                    .seed(1)
                                    .epochs(e)
                                    .build();
                        default -> throw new IllegalArgumentException("--input: memory or csv, got " + input);
                    };
                    List<Double> seconds = new ArrayList<>();
                    List<Double> cpu = new ArrayList<>();
                    for (int round = 0; round <= rounds; round++) {
                        Path dir = Files.createTempDirectory("e4j-adult-bench");
                        ModelEstimator model = kind.estimator(census, dir);
                        long cpuStart = processCpuNanos();
                        long start = System.nanoTime();
                        model.train(fn, Steps.untilEndOfInput());
                        double s = (System.nanoTime() - start) / 1e9;
                        if (round > 0) {
                            seconds.add(s);
                            cpu.add((processCpuNanos() - cpuStart) / 1e9);
                        }
                        if (lastModel != null) {
                            delete(lastModel);
                        }
                        lastModel = dir;
                    }
                    double median = median(seconds);
                    double examples = rows * epochs;
                    System.out.printf(
                            Locale.ROOT,
                            "%s train batch %d, %s input: %,.0f examples/s (%,.0f steps/s; "
                                    + "rounds %s s; process CPU %s s)%n",
                            kind.estimator,
                            batch,
                            input,
                            examples / median,
                            Math.ceil((double) rows / batch) * epochs / median,
                            round(seconds),
                            round(cpu));
                    table.add(String.format(
                            Locale.ROOT,
                            "| %s | train, %s batches | %d | %,.0f | %,.0f |",
                            kind.estimator,
                            input.equals("memory") ? "in-memory" : "CSV",
                            batch,
                            examples / median,
                            Math.ceil((double) rows / batch) * epochs / median));
                }
            }
            for (int batch : inferBatches) {
                List<LabeledBatch> test = load(testCsv, batch);
                long rows = test.stream().mapToLong(LabeledBatch::numRows).sum();
                Model model = kind.part(census);
                model.restore(
                        new Checkpoints(lastModel, 1).latest().orElseThrow().variables());
                List<Double> seconds = new ArrayList<>();
                double sink = 0;
                for (int round = 0; round <= rounds; round++) {
                    long start = System.nanoTime();
                    for (int pass = 0; pass < epochs; pass++) {
                        for (LabeledBatch b : test) {
                            sink += model.inference(b.features())[0];
                        }
                    }
                    if (round > 0) {
                        seconds.add((System.nanoTime() - start) / 1e9);
                    }
                }
                double inference = rows * epochs / median(seconds);
                ModelEstimator estimator = kind.estimator(census, lastModel);
                int passes = epochs;
                InputFn repeated = mode -> Dataset.fromIterable(test).repeat(passes);
                seconds.clear();
                double accuracy = 0;
                for (int round = 0; round <= rounds; round++) {
                    long start = System.nanoTime();
                    accuracy = estimator.evaluate(repeated).metric("accuracy");
                    if (round > 0) {
                        seconds.add((System.nanoTime() - start) / 1e9);
                    }
                }
                double evaluate = rows * epochs / median(seconds);
                System.out.printf(
                        Locale.ROOT,
                        "%s inference batch %d: Model.inference %,.0f examples/s, evaluate "
                                + "%,.0f examples/s (accuracy %.4f after %d epochs at batch %d; checksum %.1f)%n",
                        kind.estimator,
                        batch,
                        inference,
                        evaluate,
                        accuracy,
                        epochs,
                        trainBatches.get(trainBatches.size() - 1),
                        sink);
                table.add(String.format(
                        Locale.ROOT, "| %s | Model.inference | %d | %,.0f | |", kind.estimator, batch, inference));
                table.add(String.format(
                        Locale.ROOT, "| %s | evaluate | %d | %,.0f | |", kind.estimator, batch, evaluate));
            }
            delete(lastModel);
        }
        System.out.println();
        System.out.println("| estimator | what | batch | examples/s | steps/s |");
        System.out.println("|---|---|---|---|---|");
        table.forEach(System.out::println);
    }

    /** The file's rows as labelled batches in memory, in file order. */
    static List<LabeledBatch> load(CsvOptions csv, int batch) {
        List<LabeledBatch> out = new ArrayList<>();
        try (Dataset<Batch> batches = Dataset.fromCsv(csv).batch(batch, false, Batch::of)) {
            for (Batch b : batches) {
                out.add(LabeledBatch.split(b, List.of(LABEL)));
            }
        }
        return out;
    }

    /**
     * CPU time of the whole process (every thread: BLAS workers, GC, JIT), printed next to the wall-clock time so that
     * a round slowed down by other programs on a shared machine can be told from a slow round.
     */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static List<Integer> ints(String list) {
        return Stream.of(list.split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static List<String> round(List<Double> seconds) {
        return seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList();
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
