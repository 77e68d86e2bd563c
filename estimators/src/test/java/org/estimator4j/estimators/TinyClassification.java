package org.estimator4j.estimators;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.input.Mode;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;

/** A small in-memory binary problem a linear model learns in a few hundred steps, for loop-level tests. */
final class TinyClassification {
    private static final Schema SCHEMA = Schema.of(
            Field.scalar("color", DType.STRING),
            Field.scalar("size", DType.FLOAT32),
            Field.scalar("label", DType.STRING));

    private static final List<FeatureColumn> COLUMNS = List.of(
            FeatureColumns.categoricalColumnWithVocabularyList("color", List.of("red", "green", "blue")),
            FeatureColumns.bucketizedColumn(FeatureColumns.numericColumn("size"), 0.5f, 1f, 1.5f));

    private TinyClassification() {}

    /** "yes" exactly when the color is red or the size is above 1.5 (the opposite when {@code flipped}). */
    static List<Example> rows(int n, long seed, boolean flipped) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] colors = {"red", "green", "blue"};
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String color = colors[r.nextInt(3)];
            float size = (float) (r.nextDouble() * 2);
            boolean yes = (color.equals("red") || size > 1.5) != flipped;
            out.add(Example.builder(SCHEMA)
                    .set("color", color)
                    .set("size", size)
                    .set("label", yes ? "yes" : "no")
                    .build());
        }
        return out;
    }

    static List<Example> rows(int n, long seed) {
        return rows(n, seed, false);
    }

    /** Batches of 32; TRAIN shuffles and repeats forever. */
    static InputFn input(List<Example> rows) {
        return mode -> {
            Dataset<Example> d = Dataset.fromIterable(rows);
            if (mode == Mode.TRAIN) {
                d = d.shuffle(1000, 7).repeat();
            }
            return d.batch(32, false, Batch::of).map(b -> LabeledBatch.split(b, List.of("label")));
        };
    }

    static ModelEstimator classifier(Path modelDir, long saveCheckpointsSteps) {
        return LinearClassifier.builder(COLUMNS)
                .labelVocabulary(List.of("no", "yes"))
                .runConfig(RunConfig.builder()
                        .modelDir(modelDir)
                        .saveCheckpointsSteps(saveCheckpointsSteps)
                        .keepCheckpointMax(100)
                        .build())
                .build();
    }
}
