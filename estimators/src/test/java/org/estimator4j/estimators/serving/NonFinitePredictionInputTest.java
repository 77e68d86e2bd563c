package org.estimator4j.estimators.serving;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.features.FeatureColumnException;
import org.estimator4j.features.FeatureColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The non-finite policy on the serving path: a map whose numeric feature is NaN, infinite or beyond float32 is
 * refused naming the feature and the value, not answered with NaN probabilities or a saturated class.
 */
class NonFinitePredictionInputTest {
    @TempDir
    Path dir;

    private static final Schema SCHEMA = Schema.of(
            Field.scalar("color", DType.STRING),
            Field.scalar("size", DType.FLOAT64),
            Field.scalar("label", DType.STRING));

    @Test
    void nonFiniteNumbersInAMapAreRefusedNamingTheFeatureAndValue() {
        SplittableRandom r = new SplittableRandom(5);
        String[] colors = {"red", "green", "blue"};
        List<Example> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String color = colors[r.nextInt(3)];
            double size = r.nextDouble() * 2;
            rows.add(Example.builder(SCHEMA)
                    .set("color", color)
                    .set("size", size)
                    .set("label", color.equals("red") || size > 1.5 ? "yes" : "no")
                    .build());
        }
        ModelEstimator model = LinearClassifier.builder(List.of(
                        FeatureColumns.categoricalColumnWithVocabularyList("color", List.of("red", "green", "blue")),
                        FeatureColumns.numericColumn("size", 0.5f)))
                .labelVocabulary(List.of("no", "yes"))
                .runConfig(RunConfig.builder().modelDir(dir.resolve("model")).build())
                .build();
        model.train(
                mode -> Dataset.fromIterable(rows)
                        .repeat()
                        .batch(32, false, Batch::of)
                        .map(b -> LabeledBatch.split(b, List.of("label"))),
                Steps.of(50));
        Predictor predictor = Predictor.load(model.export(dir.resolve("export")));

        Map<Object, String> refused = Map.of(
                Double.NaN,
                "NaN",
                Float.POSITIVE_INFINITY,
                "Infinity",
                Double.NEGATIVE_INFINITY,
                "-Infinity",
                1e300,
                "1.0E300");
        refused.forEach((value, text) -> {
            FeatureColumnException e = assertThrows(
                    FeatureColumnException.class, () -> predictor.predict(Map.of("color", "red", "size", value)));
            assertTrue(
                    e.getMessage()
                            .contains("numeric column 'size' has the value " + text + ", which is not a "
                                    + "finite float32 number"),
                    e.getMessage());
            // The list path builds its batch another way; the same check applies.
            assertThrows(
                    FeatureColumnException.class,
                    () -> predictor.predict(
                            List.of(Map.of("color", "red", "size", 1.0), Map.of("color", "red", "size", value))));
        });

        // Finite values of every numeric type are served.
        assertTrue(Float.isFinite(
                predictor.predict(Map.of("color", "red", "size", 3L)).probabilities()[1]));
    }
}
