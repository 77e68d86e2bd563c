package org.estimator4j.estimators.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.ComponentProvider;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.callback.CallbackProvider;
import org.estimator4j.spi.loss.LossProvider;
import org.estimator4j.spi.metric.MetricProvider;
import org.junit.jupiter.api.Test;

/** The built-ins are found as plugins are: through {@link ServiceLoader}, under plain, unique names. */
class BuiltinProvidersTest {
    private static final String BUILTIN_PACKAGE = "org.estimator4j.estimators.builtin.";

    /** The built-in providers of one kind on the class path (test plugins are left out). */
    private static <P extends ComponentProvider<?>> List<P> builtins(Class<P> kind) {
        List<P> found = new ArrayList<>();
        for (P p : ServiceLoader.load(kind)) {
            if (p.getClass().getName().startsWith(BUILTIN_PACKAGE)) {
                found.add(p);
            }
        }
        return found;
    }

    private static Set<String> names(List<? extends ComponentProvider<?>> providers) {
        Set<String> names = new TreeSet<>();
        for (ComponentProvider<?> p : providers) {
            names.add(p.name());
        }
        return names;
    }

    @Test
    void everyBuiltinIsRegisteredUnderItsKerasName() {
        assertEquals(
                new TreeSet<>(List.of(
                        "binary_crossentropy",
                        "categorical_crossentropy",
                        "sparse_categorical_crossentropy",
                        "mean_squared_error",
                        "mean_absolute_error",
                        "huber",
                        "log_cosh",
                        "poisson",
                        "hinge",
                        "binary_focal_crossentropy")),
                names(builtins(LossProvider.class)));
        assertEquals(
                new TreeSet<>(List.of(
                        "accuracy",
                        "binary_accuracy",
                        "auc",
                        "precision",
                        "recall",
                        "f1",
                        "log_loss",
                        "mse",
                        "rmse",
                        "mae",
                        "r2",
                        "mean",
                        "ks")),
                names(builtins(MetricProvider.class)));
        assertEquals(
                new TreeSet<>(List.of(
                        "early_stopping",
                        "reduce_lr_on_plateau",
                        "model_checkpoint",
                        "learning_rate_scheduler",
                        "csv_logger",
                        "terminate_on_nan",
                        "backup_and_restore",
                        "progress_bar")),
                names(builtins(CallbackProvider.class)));
    }

    @Test
    void namesAreUniquePlainSnakeCaseAndEveryProviderCreatesItsComponentWithDefaults() {
        Set<String> seen = new HashSet<>();
        int count = 0;
        Map<Class<? extends ComponentProvider<?>>, ComponentKind> kinds = new LinkedHashMap<>();
        kinds.put(LossProvider.class, ComponentKind.LOSS);
        kinds.put(MetricProvider.class, ComponentKind.METRIC);
        kinds.put(CallbackProvider.class, ComponentKind.CALLBACK);
        for (Map.Entry<Class<? extends ComponentProvider<?>>, ComponentKind> kind : kinds.entrySet()) {
            for (ComponentProvider<?> p : builtins(kind.getKey())) {
                String name = p.name();
                assertTrue(seen.add(name), "two built-ins are named " + name);
                assertTrue(name.matches("[a-z][a-z0-9_]*"), "plain snake_case without a namespace: " + name);
                assertEquals(kind.getValue(), p.kind(), name);
                assertEquals(SpiVersion.CURRENT, p.spiVersion(), name);
                assertFalse(p.description().isBlank(), name);
                Map<String, Object> defaults = new LinkedHashMap<>();
                Set<String> parameterNames = new HashSet<>();
                for (ParameterSpec spec : p.parameters()) {
                    assertTrue(parameterNames.add(spec.name()), name + " declares " + spec.name() + " twice");
                    assertFalse(spec.isRequired(), name + "." + spec.name() + " has a default");
                    defaults.put(spec.name(), spec.defaultValue());
                }
                assertNotNull(p.create(new Parameters(defaults)), name);
                count++;
            }
        }
        assertEquals(10 + 13 + 8, count);
    }
}
