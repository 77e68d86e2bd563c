package org.estimator4j.api.plugin.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.estimator4j.api.plugin.PluginComponent;
import org.estimator4j.api.plugin.PluginException;
import org.estimator4j.api.plugin.PluginJar;
import org.estimator4j.api.plugin.host.PluginInfo.State;
import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;
import org.estimator4j.spi.metric.MetricProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding providers in real plugin jars: isolation, origins, and every way a plugin can fail to load. */
class PluginLoadingTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path dir;

    private Path plugins() throws IOException {
        return Files.createDirectories(dir.resolve("plugins"));
    }

    private ComponentRegistry load(Path pluginsDir) {
        return ComponentRegistry.load(
                Optional.of(pluginsDir), NO_ENV, getClass().getClassLoader());
    }

    private static PluginInfo only(ComponentRegistry registry, String name) {
        List<PluginInfo> found =
                registry.plugins().stream().filter(p -> p.name().equals(name)).toList();
        assertEquals(1, found.size(), name + " in " + registry.plugins());
        return found.get(0);
    }

    @Test
    void findsProvidersOfEveryKindInAJarWithTheirOriginVersionAndParameters() throws IOException {
        Path plugins = plugins();
        TestPlugins.acme(plugins.resolve("acme.jar"));
        try (ComponentRegistry registry = load(plugins)) {
            assertEquals(Optional.of(plugins), registry.pluginsDir());
            for (var expected : Map.of(
                            "acme.focal_loss",
                            ComponentKind.LOSS,
                            "acme.count",
                            ComponentKind.METRIC,
                            "acme.scale",
                            ComponentKind.LAYER,
                            "acme.logger",
                            ComponentKind.CALLBACK)
                    .entrySet()) {
                PluginInfo info = only(registry, expected.getKey());
                assertEquals(expected.getValue(), info.kind());
                assertEquals(State.LOADED, info.state());
                assertNull(info.failure());
                assertEquals("acme.jar", info.origin());
                assertEquals(SpiVersion.CURRENT, info.spiVersion());
                assertEquals(expected.getKey() + " from a test", info.description());
            }
            PluginInfo scale = only(registry, "acme.scale");
            assertEquals(
                    List.of("units", "factor"),
                    scale.parameters().stream().map(p -> p.name()).toList());
            assertEquals(ParameterType.INT, scale.parameters().get(0).type());
            assertTrue(scale.parameters().get(0).isRequired());
            assertEquals(2.0, scale.parameters().get(1).defaultValue());
            assertEquals("acme.jar", registry.origin(ComponentKind.LAYER, "acme.scale"));
            assertTrue(registry.names(ComponentKind.LOSS)
                    .containsAll(List.of("acme.focal_loss", "acme.everything", "acme.isolated")));
        }
    }

    @Test
    void aPluginSeesItsOwnCopiesOfLibrariesTheSpiAndTheJdkButNothingElseOfTheHost() throws IOException {
        Path plugins = plugins();
        TestPlugins.acme(plugins.resolve("acme.jar"));
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (ComponentRegistry registry = load(plugins)) {
            Loss probe = registry.createLoss("acme.isolated", Map.of(), "test");
            float[] seen = new float[6];
            probe.compute(new float[6], new float[6], 6, 1, seen, new float[6]);
            assertEquals(1, seen[0], "the plugin's own com.acme.shared.Greeting, not the host's");
            assertEquals(1, seen[1], "the plugin's loader is the context class loader while it computes");
            assertEquals(0, seen[2], "host classes outside the SPI are invisible");
            assertEquals(1, seen[3], "the plugin's loader is the context class loader while its provider creates");
            assertEquals(0, seen[4], "host libraries (Jackson) are invisible");
            assertEquals(1, seen[5], "the JDK and the SPI are shared");
            assertSame(before, Thread.currentThread().getContextClassLoader(), "the context loader is restored");
            assertEquals("host", com.acme.shared.Greeting.who(), "the host keeps its own copy");
            ClassLoader pluginLoader = ((PluginComponent) probe).pluginClassLoader();
            assertSame(LossProvider.class, loadClass(pluginLoader, LossProvider.class.getName()));
            assertNull(pluginLoader.getResource("org/estimator4j/api/plugin/ComponentRegistry.class"));
        }
    }

    private static Class<?> loadClass(ClassLoader loader, String name) {
        try {
            return loader.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void twoProvidersOfTheSameKindAndNameAreAnErrorNamingBothJars() throws IOException {
        Path plugins = plugins();
        TestPlugins.oneLoss(plugins.resolve("a-losses.jar"), "com.a.Dup", "acme.dup");
        TestPlugins.oneLoss(plugins.resolve("b-losses.jar"), "com.b.Dup", "acme.dup");
        PluginException e = assertThrows(PluginException.class, () -> load(plugins));
        assertTrue(
                e.getMessage().contains("loss 'acme.dup' is provided by a-losses.jar and by b-losses.jar"),
                e.getMessage());
        assertTrue(e.getMessage().contains("remove one"), e.getMessage());
    }

    @Test
    void theSameNameInAnotherKindIsNoDuplicate() throws IOException {
        Path plugins = plugins();
        TestPlugins.oneLoss(plugins.resolve("loss.jar"), "com.a.Thing", "acme.thing");
        PluginJar.create()
                .provider(
                        MetricProvider.class,
                        "com.b.Thing",
                        "acme.thing",
                        TestPlugins.CURRENT,
                        "List.of()",
                        "return null;",
                        "")
                .writeTo(plugins.resolve("metric.jar"));
        try (ComponentRegistry registry = load(plugins)) {
            assertEquals(2, registry.named("acme.thing").size());
        }
    }

    @Test
    void aJarOnTheClassPathAndInThePluginsFolderIsADuplicateNamingBoth() throws IOException {
        Path jar = TestPlugins.oneLoss(dir.resolve("cp-losses.jar"), "com.cp.Loss1", "cp.loss");
        Path plugins = plugins();
        Files.copy(jar, plugins.resolve("copy-losses.jar"));
        try (URLClassLoader classpath =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            PluginException e = assertThrows(
                    PluginException.class, () -> ComponentRegistry.load(Optional.of(plugins), NO_ENV, classpath));
            assertTrue(
                    e.getMessage().contains("loss 'cp.loss' is provided by cp-losses.jar and by copy-losses.jar"),
                    e.getMessage());
        }
    }

    @Test
    void classPathProvidersAreNamedByTheirJarAndNotWrapped() throws IOException {
        Path jar = TestPlugins.oneLoss(dir.resolve("cp-losses.jar"), "com.cp.Loss1", "cp.loss");
        try (URLClassLoader classpath = new URLClassLoader(
                        new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
                ComponentRegistry registry = ComponentRegistry.load(Optional.empty(), NO_ENV, classpath)) {
            assertEquals(Optional.empty(), registry.pluginsDir());
            assertEquals("cp-losses.jar", only(registry, "cp.loss").origin());
            Loss loss = registry.createLoss("cp.loss", Map.of(), null);
            assertFalse(loss instanceof PluginComponent, "class path components run as they are");
            assertSame(classpath, loss.getClass().getClassLoader());
        }
    }

    @Test
    void providersBuiltForAnotherSpiVersionAreRefusedWithBothVersionsAndTheOthersLoad() throws IOException {
        Path plugins = plugins();
        PluginJar.create()
                .provider(
                        LossProvider.class,
                        "com.v.Future",
                        "v.future",
                        "SpiVersion.CURRENT + 1",
                        "List.of()",
                        "return null;",
                        "")
                .provider(
                        LossProvider.class,
                        "com.v.Ancient",
                        "v.ancient",
                        "SpiVersion.OLDEST_SUPPORTED - 1",
                        "List.of()",
                        "return null;",
                        "")
                .provider(
                        LossProvider.class,
                        "com.v.Fine",
                        "v.fine",
                        TestPlugins.CURRENT,
                        "List.of()",
                        "return (a, b, n, k, losses, gradient) -> {};",
                        "")
                .writeTo(plugins.resolve("versions.jar"));
        try (ComponentRegistry registry = load(plugins)) {
            int now = SpiVersion.CURRENT;
            PluginInfo future = only(registry, "v.future");
            assertEquals(State.FAILED, future.state());
            assertEquals(now + 1, future.spiVersion());
            assertTrue(
                    future.failure().contains("SPI " + (now + 1))
                            && future.failure().contains("SPI " + now),
                    future.failure());
            PluginInfo ancient = only(registry, "v.ancient");
            assertEquals(State.FAILED, ancient.state());
            int old = SpiVersion.OLDEST_SUPPORTED - 1;
            assertTrue(
                    ancient.failure().contains("SPI " + old)
                            && ancient.failure().contains("SPI " + now),
                    ancient.failure());
            assertEquals(State.LOADED, only(registry, "v.fine").state());
            assertInstanceOf(Loss.class, registry.createLoss("v.fine", Map.of(), "x.loss"));

            PluginException e = assertThrows(
                    PluginException.class,
                    () -> registry.createLoss("v.future", Map.of(), "experiment.json.estimator.loss"));
            assertTrue(
                    e.getMessage()
                            .startsWith("experiment.json.estimator.loss.type: loss 'v.future' "
                                    + "(versions.jar) cannot be used: built against SPI " + (now + 1)),
                    e.getMessage());
        }
    }

    @Test
    void providersThatFailToLoadOrConstructAreReportedWithTheirCauseAndTheOthersLoad() throws IOException {
        Path plugins = plugins();
        PluginJar.create()
                .provider(
                        LossProvider.class,
                        "com.b.Throwing",
                        "b.throwing",
                        TestPlugins.CURRENT,
                        "List.of()",
                        "return null;",
                        "public Throwing() { throw new IllegalStateException(\"no licence key\"); }")
                .service(LossProvider.class, "com.b.DoesNotExist")
                .provider(
                        LossProvider.class,
                        "com.b.NeedsBase",
                        "b.needs_base",
                        TestPlugins.CURRENT,
                        "List.of()",
                        "return null;",
                        "")
                .source(
                        "com.b.NeedsBase",
                        PluginJar.provider(
                                        "com.b.NeedsBase",
                                        "loss.LossProvider",
                                        "b.needs_base",
                                        TestPlugins.CURRENT,
                                        "List.of()",
                                        "return null;",
                                        "")
                                .replace(
                                        "public class NeedsBase implements",
                                        "public class NeedsBase extends Base implements"))
                .source("com.b.Base", "package com.b; public class Base {}")
                .without("com.b.Base")
                .provider(
                        LossProvider.class,
                        "com.b.StaticInit",
                        "b.static_init",
                        TestPlugins.CURRENT,
                        "List.of()",
                        "return null;",
                        "static { if (true) { throw new IllegalStateException(\"bad static\"); } }")
                .provider(LossProvider.class, "com.b.BadName", "", TestPlugins.CURRENT, "List.of()", "return null;", "")
                .provider(
                        LossProvider.class,
                        "com.b.BadDefault",
                        "b.bad_default",
                        TestPlugins.CURRENT,
                        "List.of(ParameterSpec.optional(\"n\", ParameterType.INT, \"three\", \"a count\"))",
                        "return null;",
                        "")
                .provider(
                        LossProvider.class,
                        "com.b.Fine",
                        "b.fine",
                        TestPlugins.CURRENT,
                        "List.of()",
                        "return (a, b, n, k, losses, gradient) -> {};",
                        "")
                .writeTo(plugins.resolve("broken.jar"));
        TestPlugins.oneLoss(plugins.resolve("good.jar"), "com.g.Good", "g.good");
        try (ComponentRegistry registry = load(plugins)) {
            assertFailed(registry, "com.b.Throwing", "cannot be constructed", "IllegalStateException: no licence key");
            assertFailed(registry, "com.b.DoesNotExist", "cannot be loaded", "com.b.DoesNotExist not found");
            assertFailed(registry, "com.b.NeedsBase", "cannot be loaded", "NoClassDefFoundError: com/b/Base");
            assertFailed(registry, "com.b.StaticInit", "cannot be constructed", "bad static");
            assertFailed(registry, "com.b.BadName", "name() returned no name");
            assertFailed(
                    registry,
                    "b.bad_default",
                    "parameter 'n' does not fit its type: expected an int, got " + "\"three\"");
            assertEquals(State.LOADED, only(registry, "b.fine").state());
            assertEquals("broken.jar", only(registry, "b.fine").origin());
            assertEquals(State.LOADED, only(registry, "g.good").state());
            assertInstanceOf(Loss.class, registry.createLoss("g.good", Map.of(), null));

            PluginException unknown =
                    assertThrows(PluginException.class, () -> registry.createLoss("b.throwing", Map.of(), "c.loss"));
            assertTrue(unknown.getMessage().contains("failed to load (see 'e4j plugins list')"), unknown.getMessage());
        }
    }

    private static void assertFailed(ComponentRegistry registry, String name, String... reasonParts) {
        PluginInfo info = only(registry, name);
        assertEquals(State.FAILED, info.state(), info.toString());
        assertEquals(ComponentKind.LOSS, info.kind());
        assertEquals("broken.jar", info.origin());
        for (String part : reasonParts) {
            assertTrue(info.failure().contains(part), info.failure());
        }
    }

    @Test
    void jarsWithoutProvidersAndUnreadableJarsAreListedAsFailedAndTheOthersLoad() throws IOException {
        Path plugins = plugins();
        PluginJar.create()
                .source("com.lib.Helper", "package com.lib; public class Helper {}")
                .writeTo(plugins.resolve("some-library.jar"));
        Files.writeString(plugins.resolve("truncated.jar"), "PK not really a zip");
        TestPlugins.oneLoss(plugins.resolve("good.jar"), "com.g.Good", "g.good");
        Files.writeString(plugins.resolve("README.txt"), "not a jar: ignored");
        try (ComponentRegistry registry = load(plugins)) {
            PluginInfo library = only(registry, "some-library.jar");
            assertEquals(State.FAILED, library.state());
            assertNull(library.kind());
            assertTrue(library.failure().contains("not a plugin"), library.failure());
            PluginInfo truncated = only(registry, "truncated.jar");
            assertTrue(truncated.failure().contains("cannot read the jar"), truncated.failure());
            assertEquals(State.LOADED, only(registry, "g.good").state());
            assertTrue(registry.plugins().stream().noneMatch(p -> p.name().contains("README")));
        }
    }

    @Test
    void anExplicitPluginsFolderMustExist() {
        Path missing = dir.resolve("no-such-folder");
        PluginException e = assertThrows(PluginException.class, () -> load(missing));
        assertTrue(
                e.getMessage().contains("plugins folder " + missing.toAbsolutePath() + " does not exist"),
                e.getMessage());
    }

    @Test
    void thePluginsFolderComesFromTheEnvironmentWhenNotGiven() throws IOException {
        Path plugins = plugins();
        TestPlugins.oneLoss(plugins.resolve("env.jar"), "com.e.EnvLoss", "env.loss");
        Map<String, String> env = Map.of(ComponentRegistry.PLUGINS_DIR_ENV, plugins.toString());
        try (ComponentRegistry registry =
                ComponentRegistry.load(Optional.empty(), env, getClass().getClassLoader())) {
            assertEquals(Optional.of(plugins), registry.pluginsDir());
            assertEquals("env.jar", only(registry, "env.loss").origin());
        }
        Path other = Files.createDirectories(dir.resolve("other"));
        try (ComponentRegistry registry =
                ComponentRegistry.load(Optional.of(other), env, getClass().getClassLoader())) {
            assertEquals(Optional.of(other), registry.pluginsDir(), "an explicit folder wins");
            assertTrue(registry.find(ComponentKind.LOSS, "env.loss").isEmpty());
        }
        assertEquals(
                Optional.empty(),
                ComponentRegistry.resolvePluginsDir(Optional.empty(), Map.of(ComponentRegistry.PLUGINS_DIR_ENV, " ")));
    }

    @Test
    void anEnvironmentVariablePointingNowhereIsAnError() {
        String nowhere = dir.resolve("nowhere").toString();
        PluginException e = assertThrows(
                PluginException.class,
                () -> ComponentRegistry.load(
                        Optional.empty(),
                        Map.of(ComponentRegistry.PLUGINS_DIR_ENV, nowhere),
                        getClass().getClassLoader()));
        assertTrue(e.getMessage().startsWith("E4J_PLUGINS_DIR=" + nowhere + ": no such folder"), e.getMessage());
    }

    @Test
    void withoutAFolderOnlyTheClassPathIsSearched() {
        try (ComponentRegistry registry =
                ComponentRegistry.load(Optional.empty(), NO_ENV, getClass().getClassLoader())) {
            assertEquals(Optional.empty(), registry.pluginsDir());
            assertEquals(List.of(), registry.plugins(), "the api module's class path has no providers");
        }
    }
}
