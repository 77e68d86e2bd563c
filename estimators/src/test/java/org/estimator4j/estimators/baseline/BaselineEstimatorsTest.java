package org.estimator4j.estimators.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.EvalResult;
import org.estimator4j.api.estimator.Prediction;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.estimators.ModelEstimator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineEstimatorsTest {
    @TempDir
    Path dir;

    private static InputFn input(Schema schema, List<Example> rows, String label, boolean repeat) {
        return mode -> {
            Dataset<Example> d = Dataset.fromIterable(rows);
            return (repeat ? d.repeat() : d)
                    .batch(100, false, Batch::of)
                    .map(b -> LabeledBatch.split(b, List.of(label)));
        };
    }

    @Test
    void theClassifierLearnsTheLabelPrior() {
        Schema schema = Schema.of(Field.scalar("x", DType.FLOAT32), Field.scalar("label", DType.INT64));
        List<Example> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(Example.builder(schema)
                    .set("x", (double) i)
                    .set("label", i % 4 == 0 ? 1L : 0L)
                    .build());
        }
        ModelEstimator model = BaselineClassifier.builder()
                .runConfig(RunConfig.builder().modelDir(dir.resolve("c")).build())
                .build();
        model.train(input(schema, rows, "label", true), Steps.of(2000));
        EvalResult eval = model.evaluate(input(schema, rows, "label", false));
        assertEquals(0.25, eval.metric("prediction/mean"), 0.01);
        assertEquals(0.75, eval.metric("accuracy"), 1e-9);
        Prediction p = model.predict(input(schema, rows, "label", false)).get(0);
        assertEquals(0.25, p.logistic()[0], 0.01);
    }

    @Test
    void theRegressorLearnsTheLabelMean() {
        Schema schema = Schema.of(Field.scalar("x", DType.FLOAT32), Field.scalar("y", DType.FLOAT32));
        List<Example> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(Example.builder(schema)
                    .set("x", (double) i)
                    .set("y", 3.0 + (i % 2 == 0 ? 1 : -1))
                    .build());
        }
        ModelEstimator model = BaselineRegressor.builder()
                .runConfig(RunConfig.builder().modelDir(dir.resolve("r")).build())
                .build();
        model.train(input(schema, rows, "y", true), Steps.of(3000));
        EvalResult eval = model.evaluate(input(schema, rows, "y", false));
        assertEquals(3.0, eval.metric("prediction/mean"), 0.05);
        assertEquals(1.0, eval.metric("average_loss"), 0.01);
    }

    @Test
    void exampleWeightsFromTheWeightColumnShiftTheLearnedPrior() {
        // Positives are 1 in 4 rows but carry weight 3: the weighted prior is 3 / (3 + 3) = 0.5.
        Schema schema = Schema.of(Field.scalar("w", DType.FLOAT32), Field.scalar("label", DType.INT64));
        List<Example> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            boolean positive = i % 4 == 0;
            rows.add(Example.builder(schema)
                    .set("w", positive ? 3.0 : 1.0)
                    .set("label", positive ? 1L : 0L)
                    .build());
        }
        ModelEstimator model = BaselineClassifier.builder()
                .weightColumn("w")
                .runConfig(RunConfig.builder().modelDir(dir.resolve("w")).build())
                .build();
        model.train(input(schema, rows, "label", true), Steps.of(2000));
        Prediction p = model.predict(input(schema, rows, "label", false)).get(0);
        assertEquals(0.5, p.logistic()[0], 0.01);
        EvalResult eval = model.evaluate(input(schema, rows, "label", false));
        assertEquals(0.5, eval.metric("label/mean"), 1e-9); // weighted label mean
    }
}
