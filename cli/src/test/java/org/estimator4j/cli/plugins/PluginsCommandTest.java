package org.estimator4j.cli.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.estimator4j.api.plugin.PluginJar;
import org.estimator4j.cli.CliRun;
import org.estimator4j.spi.loss.LossProvider;
import org.estimator4j.spi.metric.MetricProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code e4j plugins list} and {@code describe} over a folder of real plugin jars. */
class PluginsCommandTest {
    @TempDir
    Path dir;

    Path plugins;

    @BeforeEach
    void jars() throws IOException {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJar.create()
                .provider(
                        LossProvider.class,
                        "com.acme.Hinge",
                        "acme.squared_hinge",
                        "SpiVersion.CURRENT",
                        """
                        List.of(ParameterSpec.optional("margin", ParameterType.DOUBLE, 1.0, "where the hinge bends"),
                                ParameterSpec.required("classes", ParameterType.INT_LIST, "class ids"))
                        """,
                        "return (a, b, n, k, losses, gradient) -> {};",
                        "")
                .provider(
                        MetricProvider.class,
                        "com.acme.Count",
                        "acme.count",
                        "SpiVersion.CURRENT",
                        "List.of()",
                        "return null;",
                        "")
                .provider(
                        LossProvider.class,
                        "com.acme.Future",
                        "acme.future",
                        "SpiVersion.CURRENT + 1",
                        "List.of()",
                        "return null;",
                        "")
                .writeTo(plugins.resolve("acme-plugin.jar"));
    }

    @Test
    void listShowsEveryProviderInAlignedColumnsWithTheStateAndWhyItFailed() {
        CliRun run = CliRun.e4j("plugins", "list", "--plugins", plugins.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("plugins folder: " + plugins.toAbsolutePath(), lines.get(0));
        String header = lines.get(1);
        assertTrue(header.matches("NAME +KIND +SPI +ORIGIN +STATE"), header);
        String hinge = line(lines, "acme.squared_hinge");
        String count = line(lines, "acme.count");
        String future = line(lines, "acme.future");
        for (String column : List.of("KIND", "SPI", "ORIGIN", "STATE")) {
            int at = header.indexOf(column);
            for (String row : List.of(hinge, count, future)) {
                assertTrue(row.charAt(at - 1) == ' ' && row.charAt(at) != ' ', column + " aligned in\n" + run.out());
            }
        }
        assertTrue(hinge.matches("acme\\.squared_hinge +loss +1 +acme-plugin\\.jar +LOADED"), hinge);
        assertTrue(count.matches("acme\\.count +metric +1 +acme-plugin\\.jar +LOADED"), count);
        assertTrue(
                future.matches("acme\\.future +loss +2 +acme-plugin\\.jar +FAILED: built against SPI 2, newer "
                        + "than this host's SPI 1.*"),
                future);
        assertTrue(lines.get(lines.size() - 1).matches("\\d+ providers: \\d+ LOADED, [1-9]\\d* FAILED"), run.out());
    }

    private static String line(List<String> lines, String name) {
        return lines.stream()
                .filter(l -> l.startsWith(name + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + lines));
    }

    @Test
    void listAsJson() throws IOException {
        CliRun run = CliRun.e4j("plugins", "list", "--plugins", plugins.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals(
                plugins.toAbsolutePath().toString(), root.get("plugins_dir").asText());
        JsonNode hinge = find(root.get("plugins"), "acme.squared_hinge");
        assertEquals("loss", hinge.get("kind").asText());
        assertEquals("acme-plugin.jar", hinge.get("origin").asText());
        assertEquals(1, hinge.get("spi_version").asInt());
        assertEquals("LOADED", hinge.get("state").asText());
        assertTrue(hinge.get("failure").isNull());
        assertEquals("margin", hinge.get("parameters").get(0).get("name").asText());
        assertEquals(1.0, hinge.get("parameters").get(0).get("default").asDouble());
        assertTrue(hinge.get("parameters").get(1).get("required").asBoolean());
        JsonNode future = find(root.get("plugins"), "acme.future");
        assertEquals("FAILED", future.get("state").asText());
        assertTrue(future.get("failure").asText().contains("SPI 2"));
    }

    private static JsonNode find(JsonNode plugins, String name) {
        for (JsonNode p : plugins) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError(name + " not in " + plugins);
    }

    @Test
    void describePrintsDescriptionOriginAndEachParameter() {
        CliRun run = CliRun.e4j("plugins", "describe", "acme.squared_hinge", "--plugins", plugins.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("acme.squared_hinge (loss)", lines.get(0));
        assertEquals("  acme.squared_hinge from a test", lines.get(1));
        assertTrue(run.out().contains("  origin:       acme-plugin.jar\n"), run.out());
        assertTrue(run.out().contains("  SPI version:  1\n"), run.out());
        assertTrue(run.out().contains("  state:        LOADED\n"), run.out());
        assertTrue(
                run.out()
                        .contains("  parameters:\n"
                                + "    NAME     TYPE      DEFAULT   DOC\n"
                                + "    margin   double    1.0       where the hinge bends\n"
                                + "    classes  int_list  required  class ids\n"),
                run.out());
    }

    @Test
    void describeAsJson() throws IOException {
        CliRun run =
                CliRun.e4j("plugins", "describe", "acme.count", "--plugins", plugins.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode all = new ObjectMapper().readTree(run.out());
        assertEquals(1, all.size());
        assertEquals("metric", all.get(0).get("kind").asText());
        assertEquals(0, all.get(0).get("parameters").size());
    }

    @Test
    void describeAFailedProviderShowsWhy() {
        CliRun run = CliRun.e4j("plugins", "describe", "acme.future", "--plugins", plugins.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  state:        FAILED: built against SPI 2"), run.out());
    }

    @Test
    void describeAnUnknownNameFailsOnOneLineWithCloseMatches() {
        CliRun run = CliRun.e4j("plugins", "describe", "squared_hinge", "--plugins", plugins.toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(
                run.err()
                        .startsWith("e4j plugins describe failed: unknown component 'squared_hinge' "
                                + "(did you mean 'acme.squared_hinge'?); run 'e4j plugins list --plugins "),
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMissingPluginsFolderIsAnErrorNamingIt() {
        Path missing = dir.resolve("nope");
        CliRun run = CliRun.e4j("plugins", "list", "--plugins", missing.toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("plugins folder " + missing.toAbsolutePath() + " does not exist"), run.err());
    }

    @Test
    void twoJarsProvidingTheSameNameAreAnErrorNamingBoth() {
        PluginJar.create()
                .provider(
                        LossProvider.class,
                        "com.other.Hinge",
                        "acme.squared_hinge",
                        "SpiVersion.CURRENT",
                        "List.of()",
                        "return null;",
                        "")
                .writeTo(plugins.resolve("other-plugin.jar"));
        CliRun run = CliRun.e4j("plugins", "list", "--plugins", plugins.toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(
                run.err()
                        .contains("loss 'acme.squared_hinge' is provided by acme-plugin.jar and by "
                                + "other-plugin.jar"),
                run.err());
    }

    @Test
    void pluginsAloneShowsItsSubcommands() {
        CliRun run = CliRun.e4j("plugins", "--help");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("list") && run.out().contains("describe"), run.out());
    }
}
