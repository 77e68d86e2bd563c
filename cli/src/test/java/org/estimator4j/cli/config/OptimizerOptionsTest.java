package org.estimator4j.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.estimators.optimizer.Optimizers;
import org.junit.jupiter.api.Test;

/**
 * The DNN optimizers' declarations agree with {@link Optimizers}, which builds them (and reads saved models without a
 * config): the same types, the same options, the same defaults.
 */
class OptimizerOptionsTest {
    @Test
    void declaredOptionsAndDefaultsAreTheOptimizersOwn() {
        assertEquals(Optimizers.TYPES, List.copyOf(OptimizerOptions.dense().keySet()));
        OptimizerOptions.dense().forEach((type, options) -> {
            Map<String, Object> declared = new LinkedHashMap<>();
            options.forEach(o -> declared.put(o.name(), o.name().equals("learning_rate") ? 0.5 : o.defaultValue()));
            declared.put("type", type);
            assertEquals(
                    declared,
                    Optimizers.fromConfig(Map.of("type", type), 0.5, "test").config(),
                    type);
        });
    }
}
