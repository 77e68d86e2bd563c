package org.estimator4j.estimators.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.Prediction;
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
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictorTest {
    @TempDir
    Path dir;

    private static final Schema SCHEMA = Schema.of(Field.scalar("color", DType.STRING), Field.scalar("size",
            DType.FLOAT64), Field.scalar("label", DType.STRING));

    private static final List<FeatureColumn> COLUMNS = List.of(
            FeatureColumns.categoricalColumnWithVocabularyList("color", List.of("red", "green", "blue")),
            FeatureColumns.bucketizedColumn(FeatureColumns.numericColumn("size"), 0.5f, 1f, 1.5f),
            FeatureColumns.crossedColumn(List.of("color", FeatureColumns.bucketizedColumn(
                    FeatureColumns.numericColumn("size"), 1f)), 50));

    private List<Map<String, Object>> raw;
    private List<Example> rows;
    private ModelEstimator model;
    private Path bundle;

    @BeforeEach
    void trainAndExport() {
        SplittableRandom r = new SplittableRandom(5);
        String[] colors = {"red", "green", "blue"};
        raw = new ArrayList<>();
        rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String color = colors[r.nextInt(3)];
            double size = r.nextDouble() * 2;
            String label = color.equals("red") || size > 1.5 ? "yes" : "no";
            raw.add(Map.of("color", color, "size", size));
            rows.add(Example.builder(SCHEMA).set("color", color).set("size", size).set("label", label).build());
        }
        model = LinearClassifier.builder(COLUMNS).labelVocabulary(List.of("no", "yes"))
                .runConfig(RunConfig.builder().modelDir(dir.resolve("model")).build()).build();
        model.train(input(rows), Steps.of(200));
        bundle = model.export(dir.resolve("export"));
    }

    private static InputFn input(List<Example> rows) {
        return mode -> {
            Dataset<Example> d = Dataset.fromIterable(rows);
            if (mode == Mode.TRAIN) {
                d = d.repeat();
            }
            List<String> labels = mode == Mode.PREDICT ? List.of() : List.of("label");
            List<String> drop = mode == Mode.PREDICT ? List.of("label") : List.of();
            return d.batch(64, false, Batch::of).map(b -> LabeledBatch.split(b.drop(drop), labels));
        };
    }

    @Test
    void bundlePredictionsEqualTheEstimatorsExactly() {
        Predictor predictor = Predictor.load(bundle);
        assertEquals("LinearClassifier", predictor.estimator());
        List<Prediction> expected = model.predict(input(rows));
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(expected.get(i), predictor.predict(raw.get(i)), "row " + i);
        }
        assertEquals(expected.subList(0, 10), predictor.predict(raw.subList(0, 10)));
    }

    @Test
    void isThreadSafeWithoutReloading() throws Exception {
        Predictor predictor = Predictor.load(bundle);
        List<Prediction> expected = model.predict(input(rows));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    int mismatches = 0;
                    for (int k = 0; k < 2000; k++) {
                        int i = (k * 7 + offset) % rows.size();
                        mismatches += predictor.predict(raw.get(i)).equals(expected.get(i)) ? 0 : 1;
                    }
                    return mismatches;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(0, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aBundleOfANewerFormatOrWithDamagedVariablesIsRefused() throws IOException {
        Path model = bundle.resolve("model.json");
        Files.writeString(model, Files.readString(model).replace("\"format\" : 1", "\"format\" : 9"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Predictor.load(bundle));
        assertTrue(e.getMessage().contains("upgrade Estimator4J"), e.getMessage());

        Files.writeString(model, Files.readString(model).replace("\"format\" : 9", "\"format\" : 1"));
        Path variables = bundle.resolve("variables.e4j");
        byte[] bytes = Files.readAllBytes(variables);
        bytes[bytes.length - 20] ^= 1;
        Files.write(variables, bytes);
        e = assertThrows(IllegalStateException.class, () -> Predictor.load(bundle));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }
}
