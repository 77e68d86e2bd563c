package org.estimator4j.cli.quickstart;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.estimator.EvalResult;
import org.estimator4j.api.estimator.Prediction;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.CsvInputFn;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.baseline.BaselineClassifier;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.estimators.optimizer.AdamOptimizer;
import org.estimator4j.estimators.serving.Predictor;
import org.estimator4j.estimators.widedeep.DNNLinearCombinedClassifier;
import org.estimator4j.features.BucketizedColumn;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.Normalizer;
import org.estimator4j.features.json.FeatureColumnJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code e4j quickstart}: the whole loop on a generated census-like data set — a baseline, a linear model with
 * crossed columns, a wide-and-deep model (with progress lines), evaluation, export of the wide-and-deep model, and a
 * prediction from the exported bundle — then what to try next.
 */
@Command(
        name = "quickstart",
        mixinStandardHelpOptions = true,
        description = "Generate a census-like data set, train a baseline, a linear and a wide-and-deep model, "
                + "evaluate, export, serve one prediction.")
public final class QuickstartCommand implements Callable<Integer> {
    @Option(
            names = "--dir",
            defaultValue = "target/quickstart",
            paramLabel = "DIR",
            description = "Where the data, models and export go (default: ${DEFAULT-VALUE}); emptied first.")
    Path dir;

    @Option(names = "--rows", defaultValue = "30000", description = "Training rows (default: ${DEFAULT-VALUE}).")
    int rows;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        CensusLikeData.write(train, rows, 1);
        CensusLikeData.write(test, Math.max(1000, rows / 4), 2);
        out.printf(Locale.ROOT, "1. data: %,d training and %,d test rows in %s%n", rows, Math.max(1000, rows / 4), dir);

        InputFn trainInput = input(train, 5);
        InputFn testInput = input(test, 1);
        ModelEstimator baseline = BaselineClassifier.builder()
                .labelVocabulary(List.of("<=50K", ">50K"))
                .runConfig(runConfig("baseline", Integer.MAX_VALUE))
                .build();
        baseline.train(trainInput, Steps.untilEndOfInput());
        EvalResult baselineEval = baseline.evaluate(testInput);

        List<FeatureColumn> columns = columns();
        FeatureColumnJson.write(columns, dir.resolve("feature-columns.json"));
        ModelEstimator linear = LinearClassifier.builder(columns)
                .labelVocabulary(List.of("<=50K", ">50K"))
                .runConfig(runConfig("linear", Integer.MAX_VALUE))
                .build();
        long start = System.nanoTime();
        linear.train(trainInput, Steps.untilEndOfInput());
        double linearSeconds = (System.nanoTime() - start) / 1e9;
        EvalResult linearEval = linear.evaluate(testInput);
        out.printf(
                Locale.ROOT,
                "2. trained a LinearClassifier (%,d steps in %.1f s) on %d feature columns%n",
                linear.globalStep(),
                linearSeconds,
                columns.size());
        out.flush();

        List<FeatureColumn> deep = deepColumns();
        ModelEstimator wideDeep = DNNLinearCombinedClassifier.builder(columns, deep)
                .dnnHiddenUnits(List.of(64, 32))
                .dnnOptimizer(AdamOptimizer.withLearningRate(0.005))
                .labelVocabulary(List.of("<=50K", ">50K"))
                .runConfig(runConfig("wide-deep", 500))
                .build();
        start = System.nanoTime();
        wideDeep.train(trainInput, Steps.untilEndOfInput());
        double seconds = (System.nanoTime() - start) / 1e9;
        EvalResult eval = wideDeep.evaluate(testInput);
        out.printf(
                Locale.ROOT,
                "3. trained a DNNLinearCombinedClassifier (wide: the same columns; deep: %d columns, "
                        + "hidden units [64, 32]; %,d steps in %.1f s)%n",
                deep.size(),
                wideDeep.globalStep(),
                seconds);
        out.printf(Locale.ROOT, "4. test metrics:         accuracy   auc     average_loss%n");
        out.printf(
                Locale.ROOT,
                "   baseline (the prior)  %.4f     %.4f  %.4f%n",
                baselineEval.metric("accuracy"),
                baselineEval.metric("auc"),
                baselineEval.metric("average_loss"));
        out.printf(
                Locale.ROOT,
                "   linear + crosses      %.4f     %.4f  %.4f%n",
                linearEval.metric("accuracy"),
                linearEval.metric("auc"),
                linearEval.metric("average_loss"));
        out.printf(
                Locale.ROOT,
                "   wide & deep           %.4f     %.4f  %.4f%n",
                eval.metric("accuracy"),
                eval.metric("auc"),
                eval.metric("average_loss"));

        Path bundle = wideDeep.export(dir.resolve("export"));
        Predictor predictor = Predictor.load(bundle);
        Prediction p = predictor.predict(java.util.Map.of(
                "age",
                47,
                "workclass",
                "Private",
                "education",
                "Masters",
                "marital_status",
                "Married-civ-spouse",
                "occupation",
                "Exec-managerial",
                "hours_per_week",
                50));
        out.printf(
                Locale.ROOT,
                "5. exported %s; served one prediction from it: P(>50K) = %.3f for a 47-year-old "
                        + "married executive with a master's degree%n",
                bundle,
                p.logistic()[0]);
        out.println("next:");
        out.println("  bin/e4j features inspect --columns " + dir.resolve("feature-columns.json")
                + " --input examples/features/rows.jsonl");
        out.println("  bin/e4j train --config examples/census/wide_deep.json # wide & deep on the real UCI Adult data");
        out.println("  bin/e4j train --config examples/census/linear.json    # the linear model alone");
        out.println("  bin/e4j data inspect " + train);
        return 0;
    }

    private static InputFn input(Path file, long epochs) {
        CsvOptions options =
                CsvOptions.builder().file(file).labelColumns("income_bracket").build();
        return CsvInputFn.builder(options)
                .batchSize(64)
                .shuffleBuffer(10_000)
                .seed(3)
                .epochs(epochs)
                .build();
    }

    private RunConfig runConfig(String name, int logEverySteps) {
        return RunConfig.builder()
                .modelDir(dir.resolve("models").resolve(name))
                .logStepCountSteps(logEverySteps)
                .build();
    }

    /** The deep part's columns: age and hours as numbers (scaled), small vocabularies one-hot, occupation embedded. */
    static List<FeatureColumn> deepColumns() {
        CategoricalColumn occupation = FeatureColumns.categoricalColumnWithHashBucket("occupation", 100);
        return List.of(
                FeatureColumns.numericColumn("age", new int[] {1}, null, Normalizer.standardize(48, 18)),
                FeatureColumns.numericColumn(
                        "hours_per_week", new int[] {1}, new float[] {40f}, Normalizer.standardize(40, 12)),
                FeatureColumns.indicatorColumn(FeatureColumns.categoricalColumnWithVocabularyList(
                        "education", List.of(CensusLikeData.EDUCATION))),
                FeatureColumns.indicatorColumn(FeatureColumns.categoricalColumnWithVocabularyList(
                        "marital_status", List.of(CensusLikeData.MARITAL))),
                FeatureColumns.indicatorColumn(FeatureColumns.categoricalColumnWithVocabularyList(
                        "workclass", List.of(CensusLikeData.WORKCLASS))),
                FeatureColumns.embeddingColumn(occupation, 8));
    }

    static List<FeatureColumn> columns() {
        BucketizedColumn ageBuckets = FeatureColumns.bucketizedColumn(
                FeatureColumns.numericColumn("age"), 25, 30, 35, 40, 45, 50, 55, 60, 65);
        CategoricalColumn education =
                FeatureColumns.categoricalColumnWithVocabularyList("education", List.of(CensusLikeData.EDUCATION));
        CategoricalColumn occupation = FeatureColumns.categoricalColumnWithHashBucket("occupation", 100);
        return List.of(
                ageBuckets,
                education,
                occupation,
                FeatureColumns.categoricalColumnWithVocabularyList("marital_status", List.of(CensusLikeData.MARITAL)),
                FeatureColumns.categoricalColumnWithVocabularyList("workclass", List.of(CensusLikeData.WORKCLASS)),
                FeatureColumns.bucketizedColumn(
                        FeatureColumns.numericColumn("hours_per_week", 40f), 30, 40, 45, 50, 60),
                FeatureColumns.crossedColumn(List.of("education", "occupation"), 1000));
    }

    private static void deleteRecursively(Path p) throws java.io.IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
