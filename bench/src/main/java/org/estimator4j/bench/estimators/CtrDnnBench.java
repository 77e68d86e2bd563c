package org.estimator4j.bench.estimators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.EvalResult;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.CsvInputFn;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.table.Batch;
import org.estimator4j.estimators.Model;
import org.estimator4j.estimators.ModelEstimator;
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
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.Normalizer;

/**
 * The Criteo-shaped click-through workload of {@link CtrLinearBench} (same generated CSV: 13 integer columns, 26
 * categorical columns of cardinalities 10 to 10^6, Zipf-like) with the deep models of issue 4, so their cost can be
 * set against the linear model's on the workload they are meant for:
 * <ul>
 *   <li>{@code dnn}: DNNClassifier over 8-dimensional embeddings of the 26 hashed categoricals and the 13 numerics
 *       (standardized with fixed constants of the generator's distributions), hidden units [256, 128], Adagrad 0.05;
 *   <li>{@code wide-deep}: DNNLinearCombinedClassifier, linear over the 26 hashed categoricals plus the same DNN
 *       (TensorFlow's defaults: FTRL at min(0.005, 1/sqrt(26)), Adagrad 0.001);
 *   <li>{@code linear}: CtrLinearBench's LinearClassifier (the 13 numerics standardized as for the DNN, the 26
 *       categoricals hashed), measured in the same run for reference.
 * </ul>
 * Every categorical is hashed into {@code --buckets} buckets (10^6, as the linear bench), so each embedding table is
 * 10^6 × 8 floats and the DNN holds 26 of them: 832 MB of weights, as much again for Adagrad's accumulators and for
 * the gradient buffers. Run it with a heap of 12 GB or more.
 *
 * <p>Training is one epoch, with the input either streamed ({@code csv}: {@code CsvInputFn}, 2 parsing threads,
 * shuffle buffer 10,000, exactly as CtrLinearBench) or read into memory first ({@code memory}, not timed, so only the
 * estimator is). Timed {@code train()} calls include building the model (drawing the embedding tables' initial values)
 * and the checkpoint written at the end; both are also timed alone and printed. Inference: {@code evaluate} on the
 * test CSV (rows / 10) at batch 4096, including loading the checkpoint, as CtrLinearBench reports it; and
 * {@code Model.inference} on in-memory test batches with the restored model, which is the forward pass alone.
 *
 * <pre>
 * java -Xmx14g -cp bench/target/estimator4j-bench.jar org.estimator4j.bench.estimators.CtrDnnBench \
 *     --rows 1000000 --batch 256 --models linear,dnn,wide-deep --input csv,memory
 * </pre>
 */
public final class CtrDnnBench {
    private static final FtrlOptimizer LINEAR_FTRL = FtrlOptimizer.withLearningRate(0.2);
    private static final Optimizer DNN_ADAGRAD = AdagradOptimizer.withLearningRate(0.05);
    private static final List<Integer> HIDDEN = List.of(256, 128);

    private CtrDnnBench() {}

    /** The CTR feature columns, for {@code buckets} hash buckets per categorical. */
    record Columns(List<FeatureColumn> linear, List<FeatureColumn> wide, List<FeatureColumn> deep) {
        static Columns of(long buckets) {
            List<FeatureColumn> linear = new ArrayList<>();
            List<FeatureColumn> deep = new ArrayList<>();
            List<FeatureColumn> hashed = new ArrayList<>();
            for (int i = 1; i <= 13; i++) {
                // The generator draws i1 uniformly from [0, 100) and the others from [0, 1000): standardize with
                // those distributions' mean and stddev, as a config would with constants computed from the data.
                // (CtrLinearBench feeds them raw: with values in the hundreds FTRL's logits saturate and its AUC
                // stays at 0.5, which does not matter for its speed but would make this comparison meaningless.)
                double max = i == 1 ? 100 : 1000;
                FeatureColumn numeric = FeatureColumns.numericColumn(
                        "i" + i,
                        new int[] {1},
                        new float[] {0f},
                        Normalizer.standardize((max - 1) / 2, max / Math.sqrt(12)));
                linear.add(numeric);
                deep.add(numeric);
            }
            for (int c = 1; c <= 26; c++) {
                CategoricalColumn hash = FeatureColumns.categoricalColumnWithHashBucket("c" + c, buckets);
                hashed.add(hash);
                deep.add(FeatureColumns.embeddingColumn(hash, 8));
            }
            linear.addAll(hashed);
            return new Columns(List.copyOf(linear), List.copyOf(hashed), List.copyOf(deep));
        }
    }

    enum Kind {
        LINEAR("LinearClassifier"),
        DNN("DNNClassifier"),
        WIDE_DEEP("DNNLinearCombinedClassifier");

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
            throw new IllegalArgumentException("unknown model " + name + "; use linear, dnn, wide-deep");
        }

        ModelEstimator estimator(Columns c, Path modelDir) {
            RunConfig config = RunConfig.builder()
                    .modelDir(modelDir)
                    .saveCheckpointsSecs(1_000_000)
                    .logStepCountSteps(Integer.MAX_VALUE)
                    .build();
            return switch (this) {
                case LINEAR ->
                    LinearClassifier.builder(c.linear)
                            .optimizer(LINEAR_FTRL)
                            .runConfig(config)
                            .build();
                case DNN ->
                    DNNClassifier.builder(c.deep)
                            .hiddenUnits(HIDDEN)
                            .optimizer(DNN_ADAGRAD)
                            .runConfig(config)
                            .build();
                case WIDE_DEEP ->
                    DNNLinearCombinedClassifier.builder(c.wide, c.deep)
                            .dnnHiddenUnits(HIDDEN)
                            .runConfig(config)
                            .build();
            };
        }

        /** The model as a serving bundle rebuilds it, before restore. */
        Model part(Columns c) {
            return switch (this) {
                case LINEAR -> new LinearPart(c.linear, 1, SparseCombiner.SUM, LINEAR_FTRL);
                case DNN -> dnn(c.deep, DNN_ADAGRAD);
                case WIDE_DEEP ->
                    new WideDeepPart(
                            new LinearPart(c.wide, 1, SparseCombiner.SUM, LINEAR_FTRL),
                            dnn(c.deep, AdagradOptimizer.withLearningRate(0.001)));
            };
        }

        private static Model dnn(List<FeatureColumn> columns, Optimizer optimizer) {
            DnnOptions options = new DnnOptions(columns, optimizer);
            options.hiddenUnits(HIDDEN);
            return options.newPart(1, 42);
        }
    }

    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        int batch = 256;
        long buckets = 1_000_000;
        List<Kind> kinds = List.of(Kind.LINEAR, Kind.DNN, Kind.WIDE_DEEP);
        List<String> inputs = List.of("csv", "memory");
        List<Integer> inferBatches = List.of(256, 4096);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--buckets" -> buckets = Long.parseLong(args[++i]);
                case "--models" ->
                    kinds = Stream.of(args[++i].split(","))
                            .map(String::trim)
                            .map(Kind::named)
                            .toList();
                case "--input" -> inputs = List.of(args[++i].split(","));
                case "--infer-batch" -> inferBatches = AdultEstimatorsBench.ints(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; options: --rows N --batch N --buckets N "
                            + "--models linear,dnn,wide-deep --input csv,memory --infer-batch 256,4096");
                    System.exit(2);
                }
            }
        }
        Path dir = Files.createTempDirectory("e4j-ctr-dnn");
        try {
            run(dir, rows, batch, buckets, kinds, inputs, inferBatches);
        } finally {
            AdultEstimatorsBench.delete(dir);
        }
    }

    private static void run(
            Path dir,
            int rows,
            int batch,
            long buckets,
            List<Kind> kinds,
            List<String> inputs,
            List<Integer> inferBatches)
            throws Exception {
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        long start = System.nanoTime();
        CtrLinearBench.write(train, rows, 1);
        CtrLinearBench.write(test, rows / 10, 2);
        System.out.printf(
                Locale.ROOT,
                "generated %,d + %,d rows (%.0f MB) in %.1f s; %,d buckets a categorical; "
                        + "batch %d; %d cores, max heap %,d MB, JVM %s%n",
                rows,
                rows / 10,
                Files.size(train) / 1e6,
                (System.nanoTime() - start) / 1e9,
                buckets,
                batch,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        CsvOptions trainCsv = CsvOptions.builder()
                .file(train)
                .labelColumns("label")
                .parallelism(2)
                .build();
        CsvOptions testCsv = CsvOptions.builder()
                .file(test)
                .labelColumns("label")
                .parallelism(2)
                .build();
        Columns columns = Columns.of(buckets);
        List<LabeledBatch> inMemory = inputs.contains("memory") ? load(trainCsv, batch) : List.of();
        List<String> table = new ArrayList<>();
        for (Kind kind : kinds) {
            Path modelDir = null;
            for (String input : inputs) {
                if (modelDir != null) {
                    AdultEstimatorsBench.delete(modelDir);
                }
                modelDir = dir.resolve(kind.name().toLowerCase(Locale.ROOT) + "-" + input);
                InputFn fn = switch (input) {
                    case "csv" ->
                        CsvInputFn.builder(trainCsv)
                                .batchSize(batch)
                                .shuffleBuffer(10_000)
                                .epochs(1)
                                .build();
                    case "memory" -> mode -> Dataset.fromIterable(inMemory);
                    default -> throw new IllegalArgumentException("--input: csv or memory, got " + input);
                };
                ModelEstimator model = kind.estimator(columns, modelDir);
                StepClock clock = new StepClock();
                long cpuStart = AdultEstimatorsBench.processCpuNanos();
                start = System.nanoTime();
                model.train(clock.wrap(fn), Steps.untilEndOfInput());
                long end = System.nanoTime();
                double seconds = (end - start) / 1e9;
                double cpu = (AdultEstimatorsBench.processCpuNanos() - cpuStart) / 1e9;
                long steps = model.globalStep();
                System.out.printf(
                        Locale.ROOT,
                        "%s train, %s input: %,d rows in %.1f s (process CPU %.1f s): %,.0f "
                                + "examples/s (%,.0f steps/s) end to end; the steps alone %,.0f examples/s; %.1f s before "
                                + "the first batch, %.1f s after the last%n",
                        kind.estimator,
                        input,
                        rows,
                        seconds,
                        cpu,
                        rows / seconds,
                        steps / seconds,
                        clock.loopExamplesPerSecond(),
                        clock.secondsBeforeFirstBatch(start),
                        clock.secondsAfterLastBatch(end));
                table.add(String.format(
                        Locale.ROOT,
                        "| %s | train, %s | %d | %,.0f | %,.0f | %.1f s + %.1f s | %.1f s " + "(CPU %.1f s) |",
                        kind.estimator,
                        input.equals("csv") ? "CSV streamed" : "in-memory batches",
                        batch,
                        clock.loopExamplesPerSecond(),
                        rows / seconds,
                        clock.secondsBeforeFirstBatch(start),
                        clock.secondsAfterLastBatch(end),
                        seconds,
                        cpu));
            }

            // What train() spends outside the steps: building the model and writing the final checkpoint.
            start = System.nanoTime();
            Model part = kind.part(columns);
            double build = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            Checkpoints.Checkpoint latest =
                    new Checkpoints(modelDir, 1).latest().orElseThrow();
            double read = (System.nanoTime() - start) / 1e9;
            part.restore(latest.variables());
            long checkpointBytes = Files.size(latest.file());
            start = System.nanoTime();
            new Checkpoints(dir.resolve("save-timing"), 1).save(1, part.variables());
            double write = (System.nanoTime() - start) / 1e9;
            AdultEstimatorsBench.delete(dir.resolve("save-timing"));
            System.out.printf(
                    Locale.ROOT,
                    "%s: building the model %.1f s, checkpoint %,d MB: write %.1f s, read " + "%.1f s%n",
                    kind.estimator,
                    build,
                    checkpointBytes >> 20,
                    write,
                    read);
            latest = null;

            ModelEstimator model = kind.estimator(columns, modelDir);
            StepClock clock = new StepClock();
            start = System.nanoTime();
            EvalResult eval = model.evaluate(
                    clock.wrap(CsvInputFn.builder(testCsv).batchSize(4096).build()));
            long end = System.nanoTime();
            double seconds = (end - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "%s evaluate: %,d rows in %.1f s: %,.0f examples/s incl. loading the "
                            + "checkpoint (%.1f s before the first batch), %,.0f examples/s after it; auc %.4f, accuracy "
                            + "%.4f%n",
                    kind.estimator,
                    rows / 10,
                    seconds,
                    rows / 10 / seconds,
                    clock.secondsBeforeFirstBatch(start),
                    clock.loopExamplesPerSecond(),
                    eval.metric("auc"),
                    eval.metric("accuracy"));
            table.add(String.format(
                    Locale.ROOT,
                    "| %s | evaluate, CSV | 4096 | %,.0f | %,.0f | %.1f s + %.1f s | " + "%.1f s; AUC %.4f |",
                    kind.estimator,
                    clock.loopExamplesPerSecond(),
                    rows / 10 / seconds,
                    clock.secondsBeforeFirstBatch(start),
                    clock.secondsAfterLastBatch(end),
                    seconds,
                    eval.metric("auc")));
            for (int b : inferBatches) {
                List<LabeledBatch> testBatches = load(testCsv, b);
                double best = 0;
                double sink = 0;
                for (int pass = 0; pass < 3; pass++) { // the first pass warms the JIT up
                    start = System.nanoTime();
                    for (LabeledBatch lb : testBatches) {
                        sink += part.inference(lb.features())[0];
                    }
                    seconds = (System.nanoTime() - start) / 1e9;
                    if (pass > 0) {
                        best = Math.max(best, rows / 10 / seconds);
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "%s Model.inference, batch %d: %,.0f examples/s (best of 2 passes; " + "checksum %.1f)%n",
                        kind.estimator,
                        b,
                        best,
                        sink);
                table.add(String.format(
                        Locale.ROOT,
                        "| %s | Model.inference, in-memory batches | %d | %,.0f | | | |",
                        kind.estimator,
                        b,
                        best));
            }
            AdultEstimatorsBench.delete(modelDir);
        }
        System.out.println();
        System.out.println("| model | what | batch | examples/s, steps / forward passes | examples/s, end to end | "
                + "model build + last step and checkpoint | total |");
        System.out.println("|---|---|---|---|---|---|---|");
        table.forEach(System.out::println);
    }

    private static List<LabeledBatch> load(CsvOptions csv, int batch) {
        List<LabeledBatch> out = new ArrayList<>();
        try (Dataset<Batch> batches = Dataset.fromCsv(csv).batch(batch, false, Batch::of)) {
            for (Batch b : batches) {
                out.add(LabeledBatch.split(b, List.of("label")));
            }
        }
        return out;
    }
}
