package org.estimator4j.estimators.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the dense optimizers share: names, slots, the config a model description stores (keys in order, read back by
 * {@link Optimizers#fromConfig}), and the range checks' messages.
 */
class DenseOptimizersTest {
    @Test
    void configListsTypeLearningRateThenTheOptionsInOrder() {
        assertEquals(
                List.of("type", "learning_rate", "beta_1", "beta_2", "epsilon"),
                List.copyOf(AdamOptimizer.withLearningRate(0.01).config().keySet()));
        assertEquals(
                "Adam{type=adam, learning_rate=0.01, beta_1=0.9, beta_2=0.999, epsilon=1.0E-7}",
                AdamOptimizer.withLearningRate(0.01).toString());
        assertEquals(
                "SGD{type=sgd, learning_rate=0.1, momentum=0.5, nesterov=true}",
                new SgdOptimizer(0.1, 0.5, true).toString());
        assertEquals(
                "RMSprop{type=rmsprop, learning_rate=0.001, rho=0.9, epsilon=1.0E-7}",
                new RmsPropOptimizer(0.001, 0.9, 1e-7).toString());
        assertEquals(
                "Adagrad{type=adagrad, learning_rate=0.05, initial_accumulator_value=0.1, epsilon=1.0E-7}",
                AdagradOptimizer.withLearningRate(0.05).toString());
    }

    @Test
    void configReadsBackToTheSameOptimizer() {
        for (Optimizer o : List.of(
                new AdamOptimizer(0.002, 0.8, 0.99, 1e-6),
                new SgdOptimizer(0.3, 0.9, false),
                new RmsPropOptimizer(0.004, 0.7, 1e-5),
                new AdagradOptimizer(0.2, 0.3, 1e-6))) {
            Map<String, Object> config = o.config();
            Optimizer back = Optimizers.fromConfig(config, 1, "optimizer");
            assertEquals(config, back.config());
            assertEquals(o.name(), back.name());
            assertEquals(o.learningRate(), back.learningRate());
        }
    }

    @Test
    void slotsAndTheirStartingValues() {
        assertEquals(List.of(), new SgdOptimizer(0.1, 0, false).slotNames());
        assertEquals(List.of("momentum"), new SgdOptimizer(0.1, 0.9, false).slotNames());
        assertEquals(
                List.of("Adam_m", "Adam_v"), AdamOptimizer.withLearningRate(0.1).slotNames());
        assertEquals(0f, AdamOptimizer.withLearningRate(0.1).initialSlotValue(1));
        assertEquals(0.25f, new AdagradOptimizer(0.1, 0.25, 1e-7).initialSlotValue(0));
    }

    @Test
    void rangeChecksNameTheOptimizerAndOption() {
        assertEquals(
                "SGD learning_rate must be > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new SgdOptimizer(0, 0, false))
                        .getMessage());
        assertEquals(
                "SGD momentum must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> new SgdOptimizer(0.1, 1, false))
                        .getMessage());
        assertEquals(
                "RMSprop rho must be in [0, 1), got -0.1",
                assertThrows(IllegalArgumentException.class, () -> new RmsPropOptimizer(0.1, -0.1, 1e-7))
                        .getMessage());
        assertEquals(
                "Adam epsilon must be > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new AdamOptimizer(0.1, 0.9, 0.999, 0))
                        .getMessage());
        assertEquals(
                "Adagrad initial_accumulator_value must be >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new AdagradOptimizer(0.1, -1, 1e-7))
                        .getMessage());
    }
}
