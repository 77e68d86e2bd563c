package org.estimator4j.api.plugin.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.estimator4j.api.plugin.PluginComponent;
import org.estimator4j.api.plugin.PluginException;
import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.layer.Layer;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.metric.Metric;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating components from a real plugin jar: parameter checking and conversion, errors, and the wrappers. */
class ComponentCreationTest {
    private static final String AT = "experiment.json.estimator.loss";

    @TempDir
    static Path dir;

    private static ComponentRegistry registry;

    @BeforeAll
    static void loadAcme() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        TestPlugins.acme(plugins.resolve("acme.jar"));
        registry = ComponentRegistry.load(Optional.of(plugins), Map.of(), ComponentCreationTest.class.getClassLoader());
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    private static PluginException fails(ComponentKind kind, String name, Map<String, ?> params) {
        return assertThrows(PluginException.class, () -> registry.create(kind, name, params, AT));
    }

    @Test
    void valuesAreConvertedToTheDeclaredTypesAndDefaultsFilledInDeclarationOrder() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("sl", List.of("p", "q"));
        given.put("i", 3.0);
        given.put("dl", List.of(1, 2L, 0.5));
        given.put("il", List.of(4.0, 5L));
        Parameters p = registry.parameters(ComponentKind.LOSS, "acme.everything", given, AT);
        assertEquals(
                List.of("i", "d", "b", "s", "il", "dl", "sl"),
                List.copyOf(p.asMap().keySet()));
        assertEquals(3, p.get("i"));
        assertEquals(1.0, p.get("d"), "an int default of a double parameter becomes a Double");
        assertEquals(false, p.get("b"));
        assertEquals("x", p.get("s"));
        assertEquals(List.of(4, 5), p.get("il"));
        assertEquals(List.of(1.0, 2.0, 0.5), p.get("dl"));
        assertEquals(List.of("p", "q"), p.get("sl"));
        assertThrows(
                UnsupportedOperationException.class, () -> p.getIntList("il").add(6));

        Parameters q = registry.parameters(
                ComponentKind.LOSS, "acme.everything", Map.of("i", 7L, "d", 2, "b", true, "s", "y"), AT);
        assertEquals(7, q.get("i"));
        assertEquals(2.0, q.get("d"));
        assertEquals(true, q.get("b"));
        assertEquals(List.of(1, 2), q.get("il"));
    }

    @Test
    void anUnknownComponentListsCloseMatchesOfItsKind() {
        PluginException typo = fails(ComponentKind.LOSS, "acme.focal_los", Map.of());
        assertTrue(
                typo.getMessage()
                        .startsWith(AT + ".type: unknown loss 'acme.focal_los' (did you mean "
                                + "'acme.focal_loss'?); known losses"),
                typo.getMessage());
        assertTrue(
                typo.getMessage().contains("known losses: acme.everything, acme.focal_loss, acme.isolated"),
                typo.getMessage());
        assertTrue(
                typo.getMessage()
                        .contains("plugins folder: " + dir.resolve("plugins").toAbsolutePath()),
                typo.getMessage());

        PluginException unqualified = fails(ComponentKind.LOSS, "focal", Map.of());
        assertTrue(unqualified.getMessage().contains("(did you mean 'acme.focal_loss'?)"), unqualified.getMessage());

        PluginException otherKind = fails(ComponentKind.METRIC, "acme.focal_loss", Map.of());
        assertTrue(
                otherKind.getMessage().contains("unknown metric 'acme.focal_loss'; known metrics: acme.count"),
                otherKind.getMessage());
    }

    @Test
    void unknownParametersAreNamedWithTheAcceptedOnes() {
        PluginException e = fails(ComponentKind.LOSS, "acme.focal_loss", Map.of("gama", 1, "beta", 2));
        assertEquals(
                AT + ".params: unknown parameters 'beta', 'gama' for loss 'acme.focal_loss' (acme.jar); "
                        + "it accepts: gamma (double, default 2.0), alpha (double, default 0.25)",
                e.getMessage());
        PluginException none = fails(ComponentKind.METRIC, "acme.count", Map.of("x", 1));
        assertTrue(none.getMessage().endsWith("it takes no parameters"), none.getMessage());
    }

    @Test
    void aWrongTypeOrAMissingRequiredParameterNamesTheParameterAndTheConfigPath() {
        assertEquals(
                AT + ".params.gamma: expected a number, got \"high\" (focusing strength)",
                fails(ComponentKind.LOSS, "acme.focal_loss", Map.of("gamma", "high"))
                        .getMessage());
        assertEquals(
                AT + ".params.units: missing, and layer 'acme.scale' (acme.jar) requires it (int: values "
                        + "per row); add it under " + AT + ".params",
                fails(ComponentKind.LAYER, "acme.scale", Map.of()).getMessage());
        assertEquals(
                AT + ".params.units: expected an int, got 2.5 (values per row)",
                fails(ComponentKind.LAYER, "acme.scale", Map.of("units", 2.5)).getMessage());
        assertEquals(
                AT + ".params.il[1]: expected an int, got true (ints)",
                fails(ComponentKind.LOSS, "acme.everything", Map.of("i", 1, "il", List.of(1, true)))
                        .getMessage());
        assertTrue(fails(ComponentKind.LOSS, "acme.everything", Map.of("i", 3_000_000_000L))
                .getMessage()
                .contains("out of the int range"));
        assertEquals(
                AT + ".params.b: expected true or false, got \"yes\" (a flag)",
                fails(ComponentKind.LOSS, "acme.everything", Map.of("i", 1, "b", "yes"))
                        .getMessage());
        assertEquals(
                AT + ".params.dl: expected a list of numbers, got 0.5 (doubles)",
                fails(ComponentKind.LOSS, "acme.everything", Map.of("i", 1, "dl", 0.5))
                        .getMessage());
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("i", null);
        assertEquals(
                AT + ".params.i: expected an int, got null (an int)",
                fails(ComponentKind.LOSS, "acme.everything", withNull).getMessage());
    }

    @Test
    void withoutAConfigPathErrorsNameTheComponent() {
        PluginException e = assertThrows(
                PluginException.class, () -> registry.createLayer("acme.scale", Map.of("units", "two"), null));
        assertEquals(
                "parameter 'units' of layer 'acme.scale' (acme.jar): expected an int, got \"two\" "
                        + "(values per row)",
                e.getMessage());
    }

    @Test
    void aProviderRejectingItsParametersIsReportedWithThePath() {
        PluginException e = fails(ComponentKind.LOSS, "acme.focal_loss", Map.of("gamma", -1));
        assertTrue(
                e.getMessage()
                        .startsWith(AT + ": loss 'acme.focal_loss' (acme.jar) could not be created with "
                                + "{gamma=-1.0, alpha=0.25}: IllegalArgumentException: gamma must be >= 0, got -1.0"),
                e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    @Test
    void pluginComponentsAreWrappedAndDelegate() {
        Loss loss = registry.createLoss("acme.focal_loss", Map.of("gamma", 3), AT);
        float[] losses = new float[2];
        float[] gradient = new float[2];
        loss.compute(new float[] {1, 2}, new float[] {0, 1}, 2, 1, losses, gradient);
        assertEquals("[3.0, 6.0]", Arrays.toString(losses));
        assertEquals("[3.0, 3.0]", Arrays.toString(gradient));
        Object own = PluginComponent.unwrap(loss);
        assertNotSame(loss, own);
        assertEquals("com.acme.FocalLossProvider", own.getClass().getName().replaceAll("\\$.*", ""));
        assertSame(own.getClass().getClassLoader(), ((PluginComponent) loss).pluginClassLoader());

        Layer layer = registry.createLayer("acme.scale", Map.of("units", 2), AT);
        assertEquals(Map.of("unused", 7f).keySet(), layer.build(2, 7).keySet());
        assertEquals(2, layer.outputWidth());
        float[] y = new float[4];
        layer.forward(new float[] {1, 2, 3, 4}, 2, y, false);
        assertEquals("[2.0, 4.0, 6.0, 8.0]", Arrays.toString(y));
        float[] dx = new float[4];
        layer.backward(new float[] {1, 1, 1, 1}, 2, dx, Map.of());
        assertEquals("[2.0, 2.0, 2.0, 2.0]", Arrays.toString(dx));
    }

    @Test
    void wrappedMetricsMergeWithEachOther() {
        Metric a = registry.createMetric("acme.count", Map.of(), AT);
        Metric b = registry.createMetric("acme.count", null, AT);
        a.update(new float[3], new float[3], null, 3, 1);
        b.update(new float[2], new float[2], null, 2, 1);
        a.merge(b);
        assertEquals(5.0, a.result());
        a.reset();
        assertEquals(0.0, a.result());
    }

    @Test
    void callbacksRunWithThePluginsContextClassLoader() {
        Callback callback = registry.createCallback("acme.logger", Map.of("every", 10.0), "train.callbacks[0]");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        callback.onTrainBegin(null);
        callback.onStepBegin(null, 1);
        callback.onStepEnd(null, 1, Map.of("loss", 0.5));
        callback.onStepEnd(null, 2, Map.of("loss", 0.4));
        callback.onEvaluation(null, 2, Map.of());
        callback.onTrainEnd(null);
        assertEquals("steps=2 ownContextLoader=true", callback.toString());
        assertSame(before, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void theTypedCreateChecksTheComponentType() {
        assertInstanceOf(Loss.class, registry.create(ComponentKind.LOSS, Loss.class, "acme.focal_loss", Map.of(), AT));
        assertThrows(
                IllegalArgumentException.class,
                () -> registry.create(ComponentKind.LOSS, Metric.class, "acme.focal_loss", Map.of(), AT));
    }

    /** The wrappers of the per-step hot paths switch the context class loader without allocating. */
    @Test
    void theHotPathWrappersAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        Loss loss = registry.createLoss("acme.focal_loss", Map.of(), AT);
        Layer layer = registry.createLayer("acme.scale", Map.of("units", 4), AT);
        assertInstanceOf(PluginComponent.class, loss);
        float[] logits = new float[64];
        float[] labels = new float[64];
        float[] losses = new float[64];
        float[] gradient = new float[64];
        float[] y = new float[64];
        for (int i = 0; i < 100_000; i++) {
            loss.compute(logits, labels, 64, 1, losses, gradient);
            layer.forward(logits, 16, y, true);
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 100_000; i++) {
            loss.compute(logits, labels, 64, 1, losses, gradient);
            layer.forward(logits, 16, y, true);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated < 16_384, allocated + " bytes allocated by 200,000 calls");
    }
}
