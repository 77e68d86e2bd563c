package org.estimator4j.estimators.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.EvalResult;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.input.Mode;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.head.CustomLoss;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.estimators.linear.LinearRegressor;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.spi.ComponentProvider;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.loss.LossProvider;
import org.estimator4j.spi.metric.Metric;
import org.estimator4j.spi.metric.MetricProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dogfooding: built-ins found by name through {@link ServiceLoader} plug into the estimators as any plugin does, and
 * agree with the canned heads' own losses and metrics.
 */
class BuiltinsInEstimatorsTest {
    @TempDir
    Path dir;

    private static final Schema SCHEMA = Schema.of(
            Field.scalar("color", DType.STRING),
            Field.scalar("size", DType.FLOAT32),
            Field.scalar("label", DType.INT64),
            Field.scalar("value", DType.FLOAT32));
    private static final List<FeatureColumn> COLUMNS = List.of(
            FeatureColumns.categoricalColumnWithVocabularyList("color", List.of("red", "green", "blue")),
            FeatureColumns.bucketizedColumn(FeatureColumns.numericColumn("size"), 0.5f, 1f, 1.5f));

    /** Labels: a class (0/1 by "red or large", or the color's id with 3 classes) and a noisy value. */
    private static InputFn input(int n, long seed, boolean threeClasses, String label) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] colors = {"red", "green", "blue"};
        List<Example> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(3);
            float size = (float) (r.nextDouble() * 2);
            long cls = threeClasses ? (size > 1.6 ? (c + 1) % 3 : c) : (c == 0 || size > 1.5 ? 1 : 0);
            float value = (float) (2 * size + (c == 0 ? 1 : 0) + 0.3 * r.nextGaussian());
            rows.add(Example.builder(SCHEMA)
                    .set("color", colors[c])
                    .set("size", size)
                    .set("label", cls)
                    .set("value", value)
                    .build());
        }
        List<String> drop = List.of(label.equals("label") ? "value" : "label");
        return mode -> {
            Dataset<Example> d = Dataset.fromIterable(rows);
            if (mode == Mode.TRAIN) {
                d = d.shuffle(1000, 7).repeat();
            }
            return d.batch(32, false, Batch::of).map(b -> LabeledBatch.split(b.drop(drop), List.of(label)));
        };
    }

    /** The built-in provider named {@code name}, as a host finds it. */
    private static <P extends ComponentProvider<?>> P provider(Class<P> kind, String name) {
        for (P p : ServiceLoader.load(kind)) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no " + kind.getSimpleName() + " named " + name);
    }

    private static Parameters defaults(ComponentProvider<?> provider) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec p : provider.parameters()) {
            values.put(p.name(), p.defaultValue());
        }
        return new Parameters(values);
    }

    private static CustomLoss loss(String name) {
        LossProvider p = provider(LossProvider.class, name);
        Parameters params = defaults(p);
        return new CustomLoss(name, params.asMap(), p.create(params));
    }

    private static Supplier<Metric> metric(String name) {
        MetricProvider p = provider(MetricProvider.class, name);
        return () -> p.create(defaults(p));
    }

    private RunConfig config(String name) {
        return RunConfig.builder().modelDir(dir.resolve(name)).build();
    }

    @Test
    void binaryCrossentropyTrainsAsTheBinaryHeadAndBuiltinMetricsMatchItsOwn() {
        InputFn train = input(2000, 1, false, "label");
        InputFn eval = input(500, 2, false, "label");
        ModelEstimator own =
                LinearClassifier.builder(COLUMNS).runConfig(config("own")).build();
        LinearClassifier.Builder withBuiltins = LinearClassifier.builder(COLUMNS)
                .loss(loss("binary_crossentropy"))
                .runConfig(config("builtin"));
        for (String m : List.of("accuracy", "auc", "precision", "recall", "log_loss", "mean", "f1", "ks")) {
            withBuiltins.metric("builtin_" + m, metric(m));
        }
        ModelEstimator builtin = withBuiltins.build();
        own.train(train, Steps.of(300));
        builtin.train(train, Steps.of(300));
        EvalResult a = own.evaluate(eval);
        EvalResult b = builtin.evaluate(eval);
        assertTrue(a.metric("accuracy") > 0.95, a.metrics().toString());
        // The same loss, computed in another order: the same training up to float rounding.
        assertEquals(a.metric("average_loss"), b.metric("average_loss"), 1e-4);
        assertEquals(a.metric("loss"), b.metric("loss"), 1e-4);
        // Built-in metrics against the head's, on the same model.
        assertEquals(b.metric("auc"), b.metric("builtin_auc"), 1e-12);
        assertEquals(b.metric("accuracy"), b.metric("builtin_accuracy"), 1e-9);
        assertEquals(b.metric("precision"), b.metric("builtin_precision"), 1e-9);
        assertEquals(b.metric("recall"), b.metric("builtin_recall"), 1e-9);
        assertEquals(b.metric("average_loss"), b.metric("builtin_log_loss"), 1e-5);
        assertEquals(b.metric("prediction/mean"), b.metric("builtin_mean"), 1e-6);
        double p = b.metric("precision");
        double r = b.metric("recall");
        assertEquals(2 * p * r / (p + r), b.metric("builtin_f1"), 1e-9);
        assertTrue(b.metric("builtin_ks") > 0.8, b.metrics().toString());
    }

    @Test
    void sparseCategoricalCrossentropyTrainsAsTheMultiClassHead() {
        InputFn train = input(2000, 1, true, "label");
        InputFn eval = input(500, 2, true, "label");
        ModelEstimator own = LinearClassifier.builder(COLUMNS)
                .nClasses(3)
                .runConfig(config("own"))
                .build();
        ModelEstimator builtin = LinearClassifier.builder(COLUMNS)
                .nClasses(3)
                .loss(loss("sparse_categorical_crossentropy"))
                .metric("builtin_accuracy", metric("accuracy"))
                .metric("builtin_log_loss", metric("log_loss"))
                .runConfig(config("builtin"))
                .build();
        own.train(train, Steps.of(300));
        builtin.train(train, Steps.of(300));
        EvalResult a = own.evaluate(eval);
        EvalResult b = builtin.evaluate(eval);
        assertEquals(a.metric("average_loss"), b.metric("average_loss"), 1e-4);
        assertEquals(b.metric("accuracy"), b.metric("builtin_accuracy"), 1e-9);
        assertEquals(b.metric("average_loss"), b.metric("builtin_log_loss"), 1e-5);
    }

    @Test
    void meanSquaredErrorTrainsAsTheRegressionHeadAndBuiltinMetricsMatchItsOwn() {
        InputFn train = input(2000, 1, false, "value");
        InputFn eval = input(500, 2, false, "value");
        ModelEstimator own =
                LinearRegressor.builder(COLUMNS).runConfig(config("own")).build();
        LinearRegressor.Builder withBuiltins = LinearRegressor.builder(COLUMNS)
                .loss(loss("mean_squared_error"))
                .runConfig(config("builtin"));
        for (String m : List.of("mse", "rmse", "mae", "r2", "mean")) {
            withBuiltins.metric("builtin_" + m, metric(m));
        }
        ModelEstimator builtin = withBuiltins.build();
        own.train(train, Steps.of(300));
        builtin.train(train, Steps.of(300));
        EvalResult a = own.evaluate(eval);
        EvalResult b = builtin.evaluate(eval);
        assertTrue(a.metric("r2") > 0.5, a.metrics().toString());
        assertEquals(a.metric("average_loss"), b.metric("average_loss"), 1e-4);
        assertEquals(b.metric("average_loss"), b.metric("builtin_mse"), 1e-9);
        assertEquals(b.metric("rmse"), b.metric("builtin_rmse"), 1e-9);
        assertEquals(b.metric("mae"), b.metric("builtin_mae"), 1e-9);
        assertEquals(b.metric("r2"), b.metric("builtin_r2"), 1e-9);
        assertEquals(b.metric("prediction/mean"), b.metric("builtin_mean"), 1e-9);
    }

    @Test
    void theOtherBuiltinLossesTrainALinearModel() {
        InputFn train = input(2000, 1, false, "label");
        InputFn eval = input(500, 2, false, "label");
        for (String name : List.of("binary_focal_crossentropy", "hinge")) {
            ModelEstimator model = LinearClassifier.builder(COLUMNS)
                    .loss(loss(name))
                    .runConfig(config(name))
                    .build();
            model.train(train, Steps.of(300));
            EvalResult e = model.evaluate(eval);
            assertTrue(e.metric("accuracy") > 0.9, name + " " + e.metrics());
        }
        InputFn values = input(2000, 1, false, "value");
        for (String name : List.of("mean_absolute_error", "huber", "log_cosh")) {
            ModelEstimator model = LinearRegressor.builder(COLUMNS)
                    .loss(loss(name))
                    .runConfig(config(name))
                    .build();
            model.train(values, Steps.of(300));
            EvalResult e = model.evaluate(input(500, 2, false, "value"));
            assertTrue(e.metric("r2") > 0.5, name + " " + e.metrics());
        }
    }
}
