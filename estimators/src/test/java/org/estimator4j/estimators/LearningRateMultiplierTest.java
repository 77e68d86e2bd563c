package org.estimator4j.estimators;

import static org.estimator4j.estimators.TinyClassification.classifier;
import static org.estimator4j.estimators.TinyClassification.input;
import static org.estimator4j.estimators.TinyClassification.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.callback.TrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A callback's learning rate multiplier reaches the optimizers: a tiny one leaves the model nearly untrained. */
class LearningRateMultiplierTest {
    @TempDir
    Path dir;

    private static Callback multiplier(double m) {
        return new Callback() {
            @Override
            public void onTrainBegin(TrainingContext context) {
                context.setLearningRateMultiplier(m);
                assertEquals(m, context.learningRateMultiplier());
            }
        };
    }

    @Test
    void aTinyMultiplierSlowsTrainingToAlmostNothing() {
        ModelEstimator normal = classifier(dir.resolve("normal"), 1000);
        normal.train(input(rows(500, 1)), Steps.of(100), List.of(multiplier(1)));
        ModelEstimator slowed = classifier(dir.resolve("slowed"), 1000);
        slowed.train(input(rows(500, 1)), Steps.of(100), List.of(multiplier(1e-6)));
        double trained = normal.evaluate(input(rows(300, 2))).metric("average_loss");
        double barely = slowed.evaluate(input(rows(300, 2))).metric("average_loss");
        assertTrue(trained < 0.5, "normal " + trained);
        assertEquals(Math.log(2), barely, 0.01, "an untrained binary model predicts 0.5");
    }

    @Test
    void aNonPositiveMultiplierIsRefused() {
        ModelEstimator model = classifier(dir.resolve("bad"), 1000);
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> model.train(input(rows(100, 1)), Steps.of(5), List.of(multiplier(0))));
        assertTrue(
                e.getCause().getMessage().contains("must be > 0"), e.getCause().getMessage());
    }
}
